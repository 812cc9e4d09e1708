package dev.nsg.dhpush.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;

/**
 * Credential helpers that misbehave: one that never answers, one that writes more to stderr than a pipe holds before
 * it answers. dhpush reads both pipes at once and gives the helper a timeout that fires. {@code dhpush tags} against
 * a closed loopback port: the helper is asked before the registry, and no engine is needed.
 */
class CredentialHelperIT {

    private static final String REGISTRY = "127.0.0.1:1";

    private static Commands.Result tagsWithHelper(String script) throws IOException {
        Path bin = Files.createTempDirectory("dhpush-helper-");
        Path helper = bin.resolve("docker-credential-dhtest");
        Files.writeString(helper, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path config = Files.createTempDirectory("dhpush-config-");
        Files.writeString(config.resolve("config.json"), "{\"credHelpers\":{\"" + REGISTRY + "\":\"dhtest\"}}");
        return Dhpush.run(Map.of("DOCKER_CONFIG", config.toString(), "PATH", bin + ":" + System.getenv("PATH"),
                "DHPUSH_REGISTRY_MAX_ATTEMPTS", "1"), null, "tags", "--registry", REGISTRY, "--repository", "team/app");
    }

    @Test
    void aHelperThatNeverAnswers_isStoppedAfter30s_andNamed() throws IOException {
        long started = System.currentTimeMillis();
        Commands.Result result = tagsWithHelper("exec sleep 600\n");
        long millis = System.currentTimeMillis() - started;
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("docker-credential-dhtest did not answer within 30 s"), result.stderr());
        assertTrue(millis < 45_000, "took " + millis + " ms");
    }

    @Test
    void aHelperThatFillsStderrBeforeAnswering_isStillRead() throws IOException {
        // 256 KiB of stderr: four times what a Linux pipe holds, written before the answer on stdout.
        Commands.Result result = tagsWithHelper("read server\nhead -c 262144 /dev/zero | tr '\\0' x >&2\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"team\",\"Secret\":\"s3cret-value\"}' \"$server\"\n");
        assertEquals(8, result.exitCode(), "past the helper, the closed registry port is what fails: " + result);
        assertFalse(result.all().contains("s3cret-value"), "the secret was printed: " + result);
    }
}
