package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.TestContext;

/** The habits docker users bring: -f - , build -q, and --password-stdin typed at a terminal. */
class DockerHabitsIT {

    private static final String USER = "habits";
    private static final String PASSWORD = "Typed-at-a-terminal-pa55";
    private static final String IMAGE = "dhpush-it/habits";

    private static LocalRegistry guarded;
    private static Path context;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        guarded = LocalRegistry.withBasicAuth(USER, PASSWORD);
        context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\n");
        TestContext.write(context, "marker", "habits " + System.nanoTime() + "\n");
    }

    @AfterAll
    static void stop() {
        guarded.close();
        LocalEngine.removeImages(IMAGE + ":stdin", IMAGE + ":quiet");
    }

    @Test
    void buildQuiet_printsOnlyTheImageId_asDockerBuildQ() {
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--context", context.toString(), "--repository", IMAGE,
                "--tag", "quiet", "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().matches("sha256:[0-9a-f]{64}\\n"), "one line, the image ID: " + result.stdout());
        assertEquals(LocalEngine.imageId(IMAGE + ":quiet"), result.stdout().strip());
    }

    @Test
    void dashF_dash_readsTheDockerfileFromStdin_andItStaysOutOfTheImage() {
        byte[] dockerfile = "FROM scratch\nCOPY . /ctx/\nLABEL from.stdin=yes\n".getBytes(StandardCharsets.UTF_8);
        Commands.Result result = Dhpush.run(Map.of(), dockerfile, "build", "--context", context.toString(), "-f", "-",
                "--repository", IMAGE, "--tag", "stdin", "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(LocalEngine.imageId(IMAGE + ":stdin"), result.stdout().strip());
        assertEquals("yes", LocalEngine.docker("image", "inspect", "--format", "{{index .Config.Labels \"from.stdin\"}}",
                IMAGE + ":stdin").strip());
        String container = LocalEngine.docker("create", IMAGE + ":stdin", "none").strip();
        try {
            Commands.Result listed = Commands.run(List.of("bash", "-c", "docker export \"$1\" | tar -t", "list", container), Map.of(),
                    null, null, 60);
            assertEquals(0, listed.exitCode(), listed.toString());
            String files = listed.stdout();
            assertTrue(files.contains("ctx/marker"), files);
            assertFalse(files.contains(".dockerfile."), "the Dockerfile sent from stdin must not land in the image");
        } finally {
            LocalEngine.docker("rm", container);
        }
    }

    @Test
    void dashF_dash_withPasswordStdin_isExit2_bothReadStdin() {
        Commands.Result result = Dhpush.run(Map.of(), "x".getBytes(StandardCharsets.UTF_8), "build", "--context", context.toString(),
                "-f", "-", "--repository", IMAGE, "--tag", "never", "--username", USER, "--password-stdin");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: -f - and --password-stdin both read standard input"), result.stderr());
    }

    @Test
    void passwordStdin_onATerminal_promptsAndDoesNotEcho() {
        List<String> command = new ArrayList<>(List.of("python3", Path.of("src/test/resources/pty-session.py").toAbsolutePath().toString(),
                "Password or access token for " + USER + ":", PASSWORD));
        command.addAll(Dhpush.command());
        command.addAll(List.of("tags", "--registry", guarded.address(), "--repository", "team/none", "--username", USER,
                "--password-stdin"));
        Commands.Result result = Commands.run(command, Dhpush.environment(Map.of()), null, null, 120);
        assertTrue(result.stdout().contains("Password or access token for " + USER + ": "), "no prompt: " + result);
        assertFalse(result.stdout().contains(PASSWORD), "the password was echoed: " + result);
        // The registry took the typed password: the repository is unknown (exit 7), not the login refused (exit 5).
        assertEquals(7, result.exitCode(), result.toString());
    }
}
