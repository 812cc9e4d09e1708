package dev.nsg.dhpush.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.nsg.dhpush.auth.CredentialResolver;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/**
 * The secret behind --password-stdin: piped in, it is read as it comes; typed at a terminal, it is asked for with a
 * prompt and without echo, as docker login does, instead of waiting silently for input nobody knows is expected.
 */
final class PasswordPrompt {

    private PasswordPrompt() {
    }

    static String read(String username, InputStream stdin) {
        Console console = System.console();
        if (stdin == System.in && console != null && stdinIsTerminal()) {
            char[] typed = console.readPassword("Password or access token for %s: ", username);
            if (typed == null || typed.length == 0) {
                throw new InvalidInputException(Problem.PASSWORD_INPUT, null, "read the password from the terminal: nothing was typed");
            }
            return new String(typed);
        }
        return CredentialResolver.readSecret(stdin);
    }

    /**
     * Whether file descriptor 0 is a terminal. Java 17 has no isatty, and from Java 22 a Console exists even for
     * redirected streams, so Linux's own answer is asked: what /proc/self/fd/0 points at.
     */
    static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
