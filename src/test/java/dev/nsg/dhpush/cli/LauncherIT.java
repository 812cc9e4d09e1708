package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nsg.dhpush.testing.Commands;

/**
 * src/scripts/dhpush, the JVM launcher every integration test already runs dhpush through: its own failures, and the
 * start-up archive it records and then uses.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("src", "scripts", "dhpush").toAbsolutePath();
    private static final Path APP = Path.of("target", "quarkus-app").toAbsolutePath();

    @TempDir
    Path work;

    private static Commands.Result launch(Map<String, String> environment, String... arguments) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("DHPUSH_JAVA_OPTS", "DHPUSH_APP_DIR", "DHPUSH_RECORD_STARTUP_ARCHIVE", "DOCKER_HUB_USER", "DOCKER_HUB_KEY")) {
            env.put(name, null);
        }
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(environment);
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        return Commands.run(command, env, null, null, 120);
    }

    @Test
    void missingJar_exits2_sayingHowToBuildIt() {
        Commands.Result result = launch(Map.of("DHPUSH_APP_DIR", work.toString()), "--version");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: " + work + "/quarkus-run.jar is missing"), result.stderr());
        assertTrue(result.stderr().contains("hint: build dhpush first: ./mvnw package"), result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void javaHomeWithoutJava_exits2_namingIt() {
        Commands.Result result = launch(Map.of("JAVA_HOME", work.toString()), "--version");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: JAVA_HOME=" + work + " has no bin/java"), result.stderr());
    }

    @Test
    void noJavaAnywhere_exits2_sayingWhatToInstall() throws IOException {
        // A PATH with the few tools the launcher itself needs, and no java.
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String tool : List.of("dirname", "readlink", "sed")) {
            String found = Commands.check(List.of("sh", "-c", "command -v " + tool), null).strip();
            Files.createSymbolicLink(bin.resolve(tool), Path.of(found));
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", null);
        environment.put("PATH", bin.toString());
        Commands.Result result = launch(environment, "--version");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: no Java runtime found: JAVA_HOME is unset and there is no java on PATH"),
                result.stderr());
    }

    @Test
    void startupArchive_isRecordedForThisJvm_andThenUsedWithoutAWordOnStderr() throws IOException {
        // A copy of the packaged app, so the archive made here never meets the one the other tests run with.
        Path app = work.resolve("quarkus-app");
        Commands.check(List.of("cp", "-a", APP.toString(), app.toString()), null);
        Commands.check(List.of("rm", "-rf", app.resolve("startup").toString()), null);

        Commands.Result recorded = launch(Map.of("DHPUSH_APP_DIR", app.toString(), "DHPUSH_RECORD_STARTUP_ARCHIVE", "1",
                "DHPUSH_REGISTRY_MAX_ATTEMPTS", "1"), "verify", "--registry", "127.0.0.1:1", "--repository", "training/dhpush",
                "--tag", "1", "--digest", "sha256:" + "0".repeat(64));
        assertEquals(0, recorded.exitCode(), recorded.toString());
        assertTrue(recorded.stdout().startsWith("start-up archive for Java " + System.getProperty("java.runtime.version") + ": "),
                recorded.stdout());
        try (var files = Files.list(app.resolve("startup"))) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().startsWith(System.getProperty("java.runtime.version"))));
        }

        // -Xshare:on turns "archive not usable" from a silent fallback into a failed start.
        Commands.Result used = launch(Map.of("DHPUSH_APP_DIR", app.toString(), "DHPUSH_JAVA_OPTS", "-Xshare:on"), "--version");
        assertEquals(0, used.exitCode(), used.toString());
        assertTrue(used.stdout().startsWith("dhpush "), used.stdout());
        assertEquals("", used.stderr(), "the JVM had something to say about the archive");

        // Moved elsewhere, the archive no longer fits the jar's path: the launcher leaves it out instead of letting
        // the JVM warn on every run.
        Path moved = work.resolve("moved");
        Commands.check(List.of("mv", app.toString(), moved.toString()), null);
        Commands.Result fromMoved = launch(Map.of("DHPUSH_APP_DIR", moved.toString()), "--version");
        assertEquals(0, fromMoved.exitCode(), fromMoved.toString());
        assertEquals("", fromMoved.stderr());
    }
}
