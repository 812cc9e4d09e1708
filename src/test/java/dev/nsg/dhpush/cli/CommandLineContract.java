package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nsg.dhpush.failure.ExitCode;
import dev.nsg.dhpush.signing.TestKeys;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * What scripts rely on, checked in-process ({@link DhpushCommandTest}) and on the packaged artifact
 * ({@link DhpushCommandIT}: the jar here, the native executable in the pipeline). The integration launcher
 * merges stderr into stdout and adds Quarkus' start-up log, so stream separation is checked in-process only.
 */
abstract class CommandLineContract {

    static String allOutput(LaunchResult result) {
        return result.getOutput() + "\n" + result.getErrorOutput();
    }

    @Test
    @Launch("--help")
    void help_listsEveryExitCodeWithItsMeaning(LaunchResult result) {
        assertEquals(0, result.exitCode());
        String help = result.getOutput();
        assertTrue(help.contains("Usage: dhpush"), help);
        assertTrue(help.contains("Exit codes:"), help);
        // Long meanings wrap: compare with the whitespace folded.
        String folded = help.replaceAll("\\s+", " ");
        for (ExitCode exit : ExitCode.values()) {
            assertTrue(folded.contains(" " + exit.code() + " " + exit.meaning()), "help lacks exit code " + exit.code() + ":\n" + help);
        }
    }

    @Test
    @Launch("--version")
    void version_namesTheBuildVersionAndRuntime(LaunchResult result) {
        assertEquals(0, result.exitCode());
        assertTrue(result.getOutputStream().stream()
                .anyMatch(line -> line.matches("dhpush \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\((JVM .+|native)\\)")),
                result.getOutput());
    }

    @Test
    @Launch(value = "--no-such-option", exitCode = 2)
    void unknownOption_exits2_namingTheOptionAndPointingToHelp(LaunchResult result) {
        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        String all = allOutput(result);
        assertTrue(all.contains("error: Unknown option: '--no-such-option'"), all);
        assertTrue(all.contains("hint: see 'dhpush --help'"), all);
    }

    @Test
    @Launch(value = {"verify", "--registry", "127.0.0.1:1", "--repository", "dhpush-it/ca", "--tag", "1", "--digest",
            "sha256:0000000000000000000000000000000000000000000000000000000000000000", "--registry-ca", "/nonexistent/ca.pem"},
            exitCode = 2)
    void missingRegistryCa_exits2_beforeTheRegistryIsAsked(LaunchResult result) {
        String all = allOutput(result);
        assertTrue(all.contains("error: registry CA \"/nonexistent/ca.pem\": no such file"), all);
        assertTrue(all.contains("hint: pass the registry's CA certificate as a PEM file"), all);
    }

    @Test
    @Launch(value = {"build", "--repository", "team/app", "--tag", "app:1.0"}, exitCode = 2)
    void aTagWrittenAsAReference_exits2_withTheOptionsThatSayIt(LaunchResult result) {
        String all = allOutput(result);
        assertTrue(all.contains("error: invalid tag \"app:1.0\""), all);
        assertTrue(all.contains("hint: that is an image reference, not a tag: write it as --repository app --tag 1.0"), all);
    }

    @Test
    @Launch(value = {"build", "--repository", "dhpush-it/contract", "--tag", "1", "--host", "unix:///nonexistent/docker.sock",
            "--engine-wait", "0"}, exitCode = 3)
    void noEngine_exits3_namingTheSocket(LaunchResult result) {
        String all = allOutput(result);
        assertTrue(all.contains("no answer from the Docker engine at unix:///nonexistent/docker.sock"), all);
        assertTrue(all.contains("hint: is dockerd running, and may this user open /nonexistent/docker.sock?"), all);
    }

    @Test
    @Launch(value = {"tags", "--registry", "127.0.0.1:1", "--repository", "dhpush-it/contract"}, exitCode = 8)
    void noRegistry_exits8_afterTheBoundedRetries(LaunchResult result) {
        String all = allOutput(result);
        assertTrue(all.contains("still failing after"), all);
        assertTrue(all.contains("hint: check that 127.0.0.1:1 is up and reachable"), all);
    }

    /** The password the build gives every contract test in COSIGN_PASSWORD (pom.xml, surefire and failsafe). */
    private static final String CONTRACT_KEY_PASSWORD = "dhpush-contract-test";

    /**
     * A cosign key that opens is read, decrypted (scrypt, secretbox) and proven by a probe signature before the
     * registry is asked: the run gets as far as the unreachable registry (exit 8). In the pipeline this runs on the
     * native executable, so the cryptography is proven there.
     */
    @Test
    void signingKeyThatOpens_isReadBeforeTheRegistry_whichThenFailsTheRun(QuarkusMainLauncher launcher, @TempDir Path directory)
            throws IOException {
        Path key = directory.resolve("cosign.key");
        Files.writeString(key, TestKeys.encryptedPem(TestKeys.newP256(), CONTRACT_KEY_PASSWORD));
        Files.writeString(directory.resolve("Dockerfile"), "FROM scratch\n");
        LaunchResult result = launcher.launch("--dry-run", "--context", directory.toString(), "--registry", "127.0.0.1:1",
                "--repository", "dhpush-it/signed", "--tag", "1", "--sign-key", key.toString());
        String all = allOutput(result);
        assertEquals(ExitCode.REGISTRY_UNAVAILABLE.code(), result.exitCode(), all);
        assertTrue(!all.contains("signing key"), all);
    }

    @Test
    void signingKeyWithAnotherPassword_exits2_namingTheKeyFile(QuarkusMainLauncher launcher, @TempDir Path directory) throws IOException {
        Path key = directory.resolve("other.key");
        Files.writeString(key, TestKeys.encryptedPem(TestKeys.newP256(), "not the contract's password"));
        LaunchResult result = launcher.launch("push", "--registry", "127.0.0.1:1", "--repository", "dhpush-it/signed", "--tag", "1",
                "--sign-key", key.toString());
        String all = allOutput(result);
        assertEquals(ExitCode.USAGE.code(), result.exitCode(), all);
        assertTrue(all.contains("error: open signing key " + key + ": the password does not open it"), all);
        assertTrue(all.contains("hint: set COSIGN_PASSWORD to the password the key was made with"), all);
    }
}
