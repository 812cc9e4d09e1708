package dev.nsg.dhpush.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.AuthRefusedException;

/**
 * The docker credential-helper protocol: {@code docker-credential-NAME get} reads the server URL on stdin and
 * answers {@code {"ServerURL","Username","Secret"}} on stdout; "not found" is an empty answer, not a failure.
 */
final class CredentialHelper {

    private static final long TIMEOUT_SECONDS = 30;

    private CredentialHelper() {
    }

    static Optional<Credentials> get(String helper, String serverUrl, ObjectMapper json, String source) {
        String program = "docker-credential-" + helper;
        Process process;
        try {
            process = new ProcessBuilder(program, "get").redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new AuthRefusedException("read credentials for " + serverUrl + ": the credential helper " + program
                    + " named in " + source + " cannot be run (" + e.getMessage() + ")",
                    "install " + program + " on the PATH, or remove it from the docker config file");
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = process.getInputStream().readNBytes(1024 * 1024);
            String err = new String(process.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AuthRefusedException("read credentials for " + serverUrl + ": " + program + " did not answer within "
                        + TIMEOUT_SECONDS + " s", "check the helper (a locked keychain waits for a password prompt)");
            }
            String answer = new String(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                if ((answer + err).toLowerCase().contains("credentials not found")) {
                    return Optional.empty();
                }
                // The helper's own words may quote the URL but never the secret: it failed before finding one.
                throw new AuthRefusedException("read credentials for " + serverUrl + ": " + program + " failed: "
                        + firstLine(answer.isEmpty() ? err : answer), "run '" + program + " list' to check the helper");
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
            throw new AuthRefusedException("read credentials for " + serverUrl + ": " + program + " answered unreadably", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthRefusedException("read credentials for " + serverUrl + ": interrupted", null, e);
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
