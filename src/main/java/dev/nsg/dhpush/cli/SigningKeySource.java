package dev.nsg.dhpush.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;
import dev.nsg.dhpush.failure.IoCause;
import dev.nsg.dhpush.signing.SigningKey;
import dev.nsg.dhpush.signing.SigningKeys;

/**
 * Where the signing key comes from: {@code --sign-key FILE}, else {@code DHPUSH_SIGN_KEY} (the PEM, base64-encoded as
 * CI variables hold it best, or as it is). An encrypted key's password is {@code COSIGN_PASSWORD}, as cosign reads
 * it, else asked for at a terminal.
 */
final class SigningKeySource {

    static final String KEY_VARIABLE = "DHPUSH_SIGN_KEY";
    static final String PASSWORD_VARIABLE = "COSIGN_PASSWORD";

    private SigningKeySource() {
    }

    static Optional<SigningKey> read(Path file, Environment environment, ObjectMapper json) {
        if (file != null) {
            return Optional.of(SigningKeys.read(readFile(file), file.toString(), () -> password(environment), json));
        }
        String variable = environment.get(KEY_VARIABLE);
        if (variable == null) {
            return Optional.empty();
        }
        return Optional.of(SigningKeys.read(pemOf(variable), KEY_VARIABLE, () -> password(environment), json));
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.SIGNING_KEY, file.toString(), "read signing key " + file + ": " + IoCause.of(e), e);
        }
    }

    /** The variable holds the PEM itself or its base64 (one line, which CI variables keep intact). */
    private static byte[] pemOf(String variable) {
        String trimmed = variable.strip();
        if (trimmed.startsWith("-----BEGIN")) {
            return trimmed.getBytes(StandardCharsets.US_ASCII);
        }
        try {
            return Base64.getMimeDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.SIGNING_KEY, KEY_VARIABLE, "read signing key " + KEY_VARIABLE
                    + ": it is neither a PEM key nor base64 of one");
        }
    }

    /** COSIGN_PASSWORD when set, even empty (cosign allows an empty password); else a prompt at a terminal. */
    private static Optional<byte[]> password(Environment environment) {
        String given = environment.raw(PASSWORD_VARIABLE);
        if (given != null) {
            return Optional.of(given.getBytes(StandardCharsets.UTF_8));
        }
        Console console = System.console();
        if (console == null || !PasswordPrompt.stdinIsTerminal()) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("Password for the signing key: ");
        return typed == null ? Optional.empty() : Optional.of(new String(typed).getBytes(StandardCharsets.UTF_8));
    }
}
