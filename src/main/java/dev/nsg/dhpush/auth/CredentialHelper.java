package dev.nsg.dhpush.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** Daemon threads: a helper's pipes must never keep dhpush from exiting. */
    private static final Executor READERS = task -> {
        Thread thread = new Thread(task, "credential-helper-output");
        thread.setDaemon(true);
        thread.start();
    };

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
            // stdout and stderr are read at once, each by a thread of its own, while this one waits for the exit with
            // the timeout: a helper that fills one pipe before closing the other, or never exits, cannot hang dhpush.
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream(), 1024 * 1024), READERS);
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream(), 4096), READERS);
            try (OutputStream in = process.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // a helper may exit without reading its input: its answer and exit code still say what happened
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failure(serverUrl, source, "read credentials for " + serverUrl + ": " + program + " did not answer within "
                        + TIMEOUT_SECONDS + " s", null);
            }
            byte[] out = stdout.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String err = new String(stderr.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
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
        } catch (IOException | ExecutionException e) {
            throw failure(serverUrl, source, "read credentials for " + serverUrl + ": " + program + " answered unreadably", e);
        } catch (TimeoutException e) {
            // it exited, but a child of its own still holds its output open
            throw failure(serverUrl, source, "read credentials for " + serverUrl + ": " + program + " did not finish its answer within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(serverUrl, source, "read credentials for " + serverUrl + ": interrupted", e);
        }
    }

    /** Everything the stream holds until its end, keeping the first {@code keep} bytes (the rest is read and dropped). */
    private static byte[] drain(InputStream stream, int keep) {
        try (stream) {
            byte[] kept = stream.readNBytes(keep);
            stream.transferTo(OutputStream.nullOutputStream());
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
