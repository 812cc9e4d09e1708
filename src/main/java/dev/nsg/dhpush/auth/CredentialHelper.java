package dev.nsg.dhpush.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.AuthRefusedException.Reason;
import dev.nsg.dhpush.failure.AuthRefusedException.Refusal;
import dev.nsg.dhpush.failure.CredentialSource;

/**
 * The docker credential-helper protocol: {@code docker-credential-NAME get} reads the server URL on stdin and
 * answers {@code {"ServerURL","Username","Secret"}} on stdout; "not found" is an empty answer, not a failure.
 */
final class CredentialHelper {

    private static final long TIMEOUT_SECONDS = 30;
    private static final String NOT_FOUND = "credentials not found in native keychain";

    private CredentialHelper() {
    }

    static Optional<Credentials> get(String serverUrl, ObjectMapper json, CredentialSource source) {
        String program = "docker-credential-" + source.helper();
        Process process;
        try {
            process = new ProcessBuilder(program, "get").redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw failure(serverUrl, source, "read credentials for " + serverUrl + ": the credential helper " + program
                    + " cannot be run (" + e.getMessage() + ")", e);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = process.getInputStream().readNBytes(1024 * 1024);
            String err = new String(process.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failure(serverUrl, source, "read credentials for " + serverUrl + ": " + program + " did not answer within "
                        + TIMEOUT_SECONDS + " s", null);
            }
            String answer = new String(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                // The helpers' own "not found" answer, compared whole as the docker CLI does
                // (docker-credential-helpers' IsErrCredentialsNotFoundMessage).
                if (NOT_FOUND.equals(answer) || NOT_FOUND.equals(err)) {
                    return Optional.empty();
                }
                // The helper's own words may quote the URL but never the secret: it failed before finding one.
                throw failure(serverUrl, source, "read credentials for " + serverUrl + ": " + program + " failed: "
                        + firstLine(answer.isEmpty() ? err : answer), null);
            }
            JsonNode reply = json.readTree(answer);
            String username = reply.path("Username").asText("");
            String secret = reply.path("Secret").asText("");
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("<token>".equals(username)
                    ? Credentials.token(secret, source)
                    : Credentials.password(username, secret, source));
        } catch (IOException e) {
            throw failure(serverUrl, source, "read credentials for " + serverUrl + ": " + program + " answered unreadably", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(serverUrl, source, "read credentials for " + serverUrl + ": interrupted", e);
        }
    }

    private static AuthRefusedException failure(String serverUrl, CredentialSource source, String message, Throwable cause) {
        return new AuthRefusedException(Reason.HELPER_FAILED,
                new Refusal(serverUrl, false, null, null, source, null, null, null), message, cause);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
