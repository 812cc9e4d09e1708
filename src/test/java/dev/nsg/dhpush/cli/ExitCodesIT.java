package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.RecordingProxy;
import dev.nsg.dhpush.testing.TestContext;
import dev.nsg.dhpush.testing.TestRegistries;

/**
 * One meaning per exit code, in every command it applies to, on the real engine and real registries; failures the
 * registries would rarely give on their own are injected by a loopback proxy in front of an open registry.
 */
@Tag(EngineMatrix.TAG)
class ExitCodesIT {

    private static final String OWNER = TestRegistries.OWNER;
    private static final String PASSWORD = "Exit-c0des-pa55";
    private static final String DEAD_ENGINE = "unix:///nonexistent/docker.sock";
    private static final Map<String, String> FAST_RETRIES = Map.of("DHPUSH_REGISTRY_MAX_ATTEMPTS", "2",
            "DHPUSH_REGISTRY_INITIAL_BACKOFF", "0.1S");

    private static TestRegistries registries;
    private static RecordingProxy proxy;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        registries = TestRegistries.start(PASSWORD);
        proxy = RecordingProxy.inFrontOf(registries.open.url(""));
    }

    @AfterEach
    void resetProxy() {
        proxy.reset();
    }

    @AfterAll
    static void stop() {
        LocalEngine.removeTagsUnder(proxy.address()); // the proxied publishes tag under the proxy's address, not the registry's
        proxy.close();
        registries.close();
    }

    private static String context(String dockerfileTail) {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\nCOPY marker /marker\n" + dockerfileTail);
        TestContext.write(context, "marker", "exit codes " + System.nanoTime() + "\n");
        return context.toString();
    }

    private static Commands.Result run(Map<String, String> environment, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if (!all.get(0).equals("tags")) {
            all.addAll(List.of("--progress", "plain"));
        }
        return Dhpush.run(environment, null, all.toArray(String[]::new));
    }

    private static void assertExit(int expected, Commands.Result result, String command) {
        assertEquals(expected, result.exitCode(), command + ": " + result);
        long errors = result.stderr().lines().filter(line -> line.startsWith("error: ")).count();
        assertEquals(1, errors, command + ": one error line: " + result.stderr());
    }

    /** Builds and pushes an image to the proxied registry, so push and verify have something to work on. */
    private static void publishThroughTheProxy(String repository, String tag) {
        Commands.Result result = run(Map.of(), "--context", context(""), "--registry", proxy.address(), "--repository", repository,
                "--tag", tag);
        assertEquals(0, result.exitCode(), result.toString());
    }

    @Test
    void exit2_aTagWrittenAsAWholeReference_inEveryCommand_isAnsweredWithTheOptionsThatSayIt() {
        for (String command : new String[] {null, "build", "push", "verify"}) {
            List<String> arguments = new ArrayList<>();
            if (command != null) {
                arguments.add(command);
            }
            arguments.addAll(List.of("--repository", "team/app", "--tag", "localhost:5000/team/app:1.0", "--host", DEAD_ENGINE));
            Commands.Result result = run(Map.of(), arguments.toArray(String[]::new));
            assertExit(2, result, String.valueOf(command));
            assertTrue(result.stderr().contains("hint: that is an image reference, not a tag: write it as --registry localhost:5000"
                    + " --repository team/app --tag 1.0"), result.stderr());
        }
        Commands.Result tags = run(Map.of(), "tags", "--repository", "Team/App");
        assertExit(2, tags, "tags");
        assertTrue(tags.stderr().contains("has uppercase letters"), tags.stderr());
    }

    @Test
    void exit3_whenTheEngineIsUnreachable_inEveryCommandThatNeedsIt() {
        assertExit(3, run(Map.of(), "--context", context(""), "--registry", registries.open.address(), "--repository", "team/three",
                "--tag", "1", "--host", DEAD_ENGINE), "dhpush");
        assertExit(3, run(Map.of(), "build", "--context", context(""), "--repository", "team/three", "--tag", "1",
                "--host", DEAD_ENGINE), "build");
        assertExit(3, run(Map.of(), "push", "--registry", registries.open.address(), "--repository", "team/three", "--tag", "1",
                "--host", DEAD_ENGINE), "push");
    }

    @Test
    void exit4_whenTheBuildFails_andADockerfileErrorPointsAtItsLine() {
        String context = context("FROOM scratch\n");
        Commands.Result build = run(Map.of(), "build", "--context", context, "--repository", "team/four", "--tag", "1");
        assertExit(4, build, "build");
        assertTrue(build.stderr().contains("error: build team/four:1: " + Path.of(context, "Dockerfile") + " line 4: unknown instruction: FROOM"),
                build.stderr());
        assertTrue(build.stderr().contains("hint: fix line 4 of " + Path.of(context, "Dockerfile")), build.stderr());
        Commands.Result full = run(Map.of(), "--context", context("RUN [\"/bin/busybox\", \"false\"]\n"), "--registry", registries.open.address(),
                "--repository", "team/four", "--tag", "1");
        assertExit(4, full, "dhpush");
        assertTrue(full.stderr().contains("hint: the failing step was Step 4/"), full.stderr());
        assertTrue(full.stderr().contains(" : RUN [\"/bin/busybox\", \"false\"]\n"), "no builder noise as the step's output: " + full.stderr());
    }

    @Test
    void exit5_whenTheRegistryRefusesTheAccess_inEveryCommand() {
        Map<String, String> owner = Map.of("DOCKER_HUB_USER", OWNER, "DOCKER_HUB_KEY", PASSWORD);
        assertExit(5, run(owner, "--context", context(""), "--registry", registries.token.address(), "--repository", "other/app",
                "--tag", "1"), "dhpush");
        assertEquals(0, run(Map.of(), "build", "--context", context(""), "--registry", registries.token.address(),
                "--repository", "other/app", "--tag", "1").exitCode());
        assertExit(5, run(owner, "push", "--registry", registries.token.address(), "--repository", "other/app", "--tag", "1"), "push");
        assertExit(5, run(Map.of(), "verify", "--registry", registries.basic.address(), "--repository", "team/app", "--tag", "1",
                "--digest", "sha256:" + "a".repeat(64)), "verify");
        assertExit(5, run(Map.of(), "tags", "--registry", registries.basic.address(), "--repository", "team/app"), "tags");
        LocalEngine.removeImages(registries.token.address() + "/other/app:1");
    }

    @Test
    void exit6_whenTheRegistryRefusesTheUpload_forAnotherReason_showingItsCode() {
        String invalid = "{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"manifest invalid\"}]}";
        proxy.answer("PUT", "/manifests/", 100, 400, Map.of(), invalid);
        Commands.Result full = run(Map.of(), "--context", context(""), "--registry", proxy.address(), "--repository", "team/six",
                "--tag", "1");
        assertExit(6, full, "dhpush");
        if (LocalEngine.usesContainerdStore()) {
            // containerd relays the status alone, not the registry's code: the error names the status and the request.
            assertTrue(full.stderr().contains("error: push " + proxy.address() + "/team/six:1: ")
                    && full.stderr().contains("/v2/team/six/manifests/1: 400"), full.stderr());
        } else {
            assertTrue(full.stderr().contains("error: push " + proxy.address() + "/team/six:1: manifest invalid"), full.stderr());
            assertTrue(full.stderr().contains("hint: the registry answered MANIFEST_INVALID"), full.stderr());
        }
        assertExit(6, run(Map.of(), "push", "--registry", proxy.address(), "--repository", "team/six", "--tag", "1"), "push");
    }

    @Test
    void exit7_whenTheRegistryServesSomethingElse_orNothing_inEveryCommand() {
        String forged = "sha256:" + "f".repeat(64);
        // The lookup before the push reaches the registry; the verification after it is answered with another digest.
        proxy.answerAfter(1, "HEAD", "/manifests/1", 100, 200, Map.of("Docker-Content-Digest", forged,
                "Content-Type", "application/vnd.docker.distribution.manifest.v2+json"), null);
        Commands.Result full = run(Map.of(), "--context", context(""), "--registry", proxy.address(), "--repository", "team/seven",
                "--tag", "1");
        assertExit(7, full, "dhpush");
        assertTrue(full.stderr().contains("the registry serves " + forged), full.stderr());
        proxy.reset();
        proxy.answerAfter(1, "HEAD", "/manifests/1", 100, 200, Map.of("Docker-Content-Digest", forged,
                "Content-Type", "application/vnd.docker.distribution.manifest.v2+json"), null);
        assertExit(7, run(Map.of(), "push", "--registry", proxy.address(), "--repository", "team/seven", "--tag", "1"), "push");
        Commands.Result verify = run(Map.of(), "verify", "--registry", registries.open.address(), "--repository", "team/seven", "--tag", "never");
        assertExit(7, verify, "verify");
        assertTrue(verify.stderr().contains("error: verify " + registries.open.address() + "/team/seven:never: the registry has no such tag"),
                verify.stderr());
        Commands.Result tags = run(Map.of(), "tags", "--registry", registries.open.address(), "--repository", "team/no-such-repository");
        assertExit(7, tags, "tags");
        assertTrue(tags.stderr().contains("no such repository"), tags.stderr());
    }

    @Test
    void exit8_whenTheRegistryIsUnreachable_inEveryCommand() {
        String dead = "127.0.0.1:" + LocalRegistry.freePort();
        assertExit(8, run(FAST_RETRIES, "--context", context(""), "--registry", dead, "--repository", "team/eight", "--tag", "1"), "dhpush");
        assertEquals(0, run(Map.of(), "build", "--context", context(""), "--registry", dead, "--repository", "team/eight",
                "--tag", "1").exitCode());
        assertExit(8, run(FAST_RETRIES, "push", "--registry", dead, "--repository", "team/eight", "--tag", "1"), "push");
        assertExit(8, run(FAST_RETRIES, "verify", "--registry", dead, "--repository", "team/eight", "--tag", "1",
                "--digest", "sha256:" + "b".repeat(64)), "verify");
        assertExit(8, run(FAST_RETRIES, "tags", "--registry", dead, "--repository", "team/eight"), "tags");
        LocalEngine.removeImages(dead + "/team/eight:1");
    }

    @Test
    void exit8_alsoWhenTheEngineIsTheOneThatMeetsTheRateLimit() {
        String limited = "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}";
        proxy.answer("PUT", "/manifests/", 100, 429, Map.of("Retry-After", "1"), limited);
        Commands.Result full = run(Map.of(), "--context", context(""), "--registry", proxy.address(), "--repository", "team/limited",
                "--tag", "1");
        assertExit(8, full, "dhpush");
        // containerd relays the 429 without the registry's message; the classic store relays both.
        String said = LocalEngine.usesContainerdStore() ? "/v2/team/limited/manifests/1: 429" : "toomanyrequests: slow down";
        assertTrue(full.stderr().contains("error: push " + proxy.address() + "/team/limited:1: ") && full.stderr().contains(said),
                full.stderr());
        assertTrue(full.stderr().contains("is rate-limiting"), full.stderr());
    }

    @Test
    void exit9_whenNoOverwriteKeepsATag_inBothCommandsThatPush() {
        publishThroughTheProxy("team/nine", "1");
        assertEquals(0, run(Map.of(), "build", "--context", context(""), "--registry", proxy.address(), "--repository", "team/nine",
                "--tag", "1").exitCode());
        assertExit(9, run(Map.of(), "push", "--registry", proxy.address(), "--repository", "team/nine", "--tag", "1", "--no-overwrite"),
                "push");
        assertExit(9, run(Map.of(), "--context", context(""), "--registry", proxy.address(), "--repository", "team/nine", "--tag", "1",
                "--no-overwrite"), "dhpush");
    }

    @Test
    void exit130_onCtrlC_withOneInterruptedLine_inBothCommandsThatBuild() throws Exception {
        for (String command : new String[] {null, "build"}) {
            // A process started in the background by a shell without job control inherits SIGINT as ignored, and the
            // JVM then keeps ignoring it; a user's Ctrl-C meets the default disposition, so restore that (exec keeps it).
            List<String> arguments = new ArrayList<>(List.of("python3", "-c",
                    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
            arguments.addAll(Dhpush.command());
            if (command != null) {
                arguments.add(command);
            }
            arguments.addAll(List.of("--context", context("RUN [\"/bin/busybox\", \"sleep\", \"60\"]\n"), "--registry", registries.open.address(),
                    "--repository", "team/interrupted", "--tag", "1", "--progress", "plain"));
            ProcessBuilder builder = Dhpush.processBuilder(arguments, Map.of());
            Process process = builder.start();
            CountDownLatch sleeping = new CountDownLatch(1);
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readUntilDone(process, sleeping));
            assertTrue(sleeping.await(120, TimeUnit.SECONDS), "the build never reached its slow step: " + stderr.getNow("?"));
            Commands.check(List.of("kill", "-INT", Long.toString(process.pid())), null);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dhpush did not stop on SIGINT");
            String err = stderr.get(10, TimeUnit.SECONDS);
            assertEquals(130, process.exitValue(), err);
            assertTrue(err.endsWith("interrupted\n"), "the last line is the interruption: " + err);
            assertFalse(err.contains("error: "), "an interruption is not reported as a failure too: " + err);
        }
    }

    private static String readUntilDone(Process process, CountDownLatch sleeping) {
        StringBuilder all = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                all.append(line).append('\n');
                if (line.contains("Running in")) {
                    sleeping.countDown();
                }
            }
        } catch (IOException e) {
            all.append("<").append(e.getMessage()).append(">");
        }
        return all.toString();
    }
}
