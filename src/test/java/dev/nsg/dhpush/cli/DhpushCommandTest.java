package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The command-line contract in-process, plus what only in-process runs can see: stdout kept for results. */
@QuarkusMainTest
class DhpushCommandTest extends CommandLineContract {

    @Test
    @Launch(value = "--no-such-option", exitCode = 2)
    void usageError_writesOnlyToStderr_andIsNotTheWholeHelp(LaunchResult result) {
        assertTrue(result.getOutput().isEmpty(), "stdout must stay empty on errors: " + result.getOutput());
        // The error, picocli's "did you mean" line for a near miss, and the hint: never the whole help.
        assertTrue(result.getErrorStream().size() <= 3, result.getErrorOutput());
        assertFalse(result.getErrorOutput().contains("Usage:"), result.getErrorOutput());
    }

    @Test
    @Launch("--version")
    void version_isTheOnlyLineOnStdout_noBannerNoLogs(LaunchResult result) {
        assertEquals(1, result.getOutputStream().size(), result.getOutput());
        assertFalse(result.getOutput().contains("Quarkus"), result.getOutput());
    }
}
