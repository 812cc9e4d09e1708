package dev.nsg.dhpush.cli;

import static dev.nsg.dhpush.testing.LocalEngine.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.SecretLeaks;
import dev.nsg.dhpush.testing.TestContext;

/**
 * dhpush builds through BuildKit (the engine's /session and /build?version=2) on every engine: what the classic builder
 * refuses, secrets that never land anywhere, live step progress, failures named by step, line and exit code, and the
 * builder auto picks.
 */
@Tag(EngineMatrix.TAG)
class BuildKitIT {

    private static final String REPOSITORY = "dhpush-it/buildkit";
    private static final String BASE = REPOSITORY + ":busybox-base";
    private static final String SECRET = "s3cret-value-" + System.nanoTime();
    private static final Pattern STEP_HEADER = Pattern.compile("(?m)^#\\d+ \\[");

    @BeforeAll
    static void base() {
        LocalEngine.require();
        // A base image with a shell, made here: nothing can be pulled.
        Path base = TestContext.withBusybox("""
                FROM scratch
                COPY busybox /bin/busybox
                RUN ["/bin/busybox", "--install", "-s", "/bin"]
                ENV PATH=/bin
                """);
        Commands.Result built = LocalEngine.dockerBuild(BASE, base);
        assertEquals(0, built.exitCode(), built.toString());
    }

    @AfterAll
    static void cleanUp() {
        LocalEngine.removeImages(BASE, REPOSITORY + ":features", REPOSITORY + ":auto", REPOSITORY + ":fails", REPOSITORY + ":parse",
                REPOSITORY + ":json");
    }

    /** Debian's Docker 20.10 carries a BuildKit whose built-in Dockerfile frontend predates heredocs and COPY --link. */
    private static boolean newerBuildKit() {
        return !LocalEngine.apiVersion().equals("1.41");
    }

    private static Commands.Result build(Map<String, String> environment, Path context, String tag, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("build", "--context", context.toString(), "--repository", REPOSITORY,
                "--tag", tag, "--progress", "plain"));
        arguments.addAll(List.of(extra));
        return Dhpush.run(environment, null, arguments.toArray(String[]::new));
    }

    @Test
    void buildKit_buildsAndPublishesWhatTheClassicBuilderRefuses_andTheSecretLandsNowhere() throws Exception {
        String newer = newerBuildKit() ? """
                COPY --link marker /linked
                RUN <<EOT
                echo heredoc-ran > /heredoc
                EOT
                """ : "";
        Path context = TestContext.withBusybox("""
                FROM %s AS unused
                RUN exit 1

                FROM %s
                COPY marker /marker
                RUN --mount=type=cache,target=/cache echo cached > /cache/file && echo cache-mount-ran
                RUN --mount=type=secret,id=token,required=true wc -c < /run/secrets/token > /secret-length
                RUN --mount=type=secret,id=fromenv,required=true test "$(cat /run/secrets/fromenv)" = env-secret
                %s""".formatted(BASE, BASE, newer));
        TestContext.write(context, "marker", "marker\n");
        Path secretFile = Files.createTempFile("dhpush-secret-", ".txt");
        Files.writeString(secretFile, SECRET);

        // Published, not only built: the whole run (preflight, build, push, verify) through BuildKit.
        try (LocalRegistry registry = LocalRegistry.open()) {
            Commands.Result result = Dhpush.run(Map.of("ENV_SECRET", "env-secret"), null, "--context", context.toString(),
                    "--registry", registry.address(), "--repository", REPOSITORY, "--tag", "features", "--progress", "plain",
                    "--builder", "buildkit", "--secret", "id=token,src=" + secretFile, "--secret", "id=fromenv,env=ENV_SECRET", "--debug");
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.stdout().contains(registry.address() + "/" + REPOSITORY + ":features@sha256:"), result.stdout());
            assertBuiltWithoutTheSecret(result, registry.address() + "/" + REPOSITORY + ":features");
            LocalEngine.removeImages(registry.address() + "/" + REPOSITORY + ":features");
        }
    }

    private static void assertBuiltWithoutTheSecret(Commands.Result result, String image) throws java.io.IOException {
        assertTrue(result.stderr().contains("==> builder BuildKit (buildkit, from --builder)"), result.stderr());
        assertTrue(STEP_HEADER.matcher(result.stderr()).find(), "no BuildKit step lines: " + result.stderr());
        assertTrue(result.stderr().contains("cache-mount-ran"), result.stderr());
        assertFalse(result.stderr().contains("RUN exit 1"), "the unused stage ran: " + result.stderr());
        assertEquals(SECRET.length() + "\n", docker("run", "--rm", image, "cat", "/secret-length").strip() + "\n");
        if (newerBuildKit()) {
            assertEquals("heredoc-ran", docker("run", "--rm", image, "cat", "/heredoc").strip());
            assertEquals("marker", docker("run", "--rm", image, "cat", "/linked").strip());
        }
        SecretLeaks.assertAbsent(result.all(), SECRET, "dhpush's output with --debug");
        SecretLeaks.assertAbsent(docker("history", "--no-trunc", image), SECRET, "the image's history");
        SecretLeaks.assertAbsent(docker("image", "inspect", image), SECRET, "the image's config");
        Path saved = Files.createTempFile("dhpush-image-", ".tar");
        docker("save", "-o", saved.toString(), image);
        byte[] tar = Files.readAllBytes(saved);
        assertFalse(new String(tar, StandardCharsets.ISO_8859_1).contains(SECRET), "the secret is in the image's layers");
        Files.delete(saved);
    }

    /**
     * A step's lines reach the terminal as the step prints them, not when it ends; and the session outlives the daemon's
     * health checks (every 5 s): a secret asked for after a long step is still served.
     */
    @Test
    void aLongStep_showsItsLinesAsTheyHappen_andTheSessionOutlivesHealthChecks() throws Exception {
        Path context = TestContext.withBusybox("""
                FROM %s
                RUN echo live-line-before && sleep 12 && echo live-line-after
                RUN --mount=type=secret,id=late,required=true test "$(cat /run/secrets/late)" = late-value
                """.formatted(BASE));
        List<String> command = new ArrayList<>(Dhpush.command());
        command.addAll(List.of("build", "--builder", "buildkit", "--context", context.toString(), "--repository", REPOSITORY,
                "--tag", "live", "--progress", "plain", "--no-cache", "--secret", "id=late,env=LATE_SECRET"));
        Process process = Dhpush.processBuilder(command, Map.of("LATE_SECRET", "late-value"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long before = -1;
        long after = -1;
        StringBuilder seen = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                seen.append(line).append('\n');
                // An output line ("#5 0.2 live-line-before"), not the step's header, which names both.
                if (line.matches("#\\d+ [0-9.]+ live-line-before") && before < 0) {
                    before = System.nanoTime();
                } else if (line.matches("#\\d+ [0-9.]+ live-line-after") && after < 0) {
                    after = System.nanoTime();
                }
            }
        }
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), seen.toString());
        assertEquals(0, process.exitValue(), seen.toString());
        assertTrue(before > 0 && after > 0, seen.toString());
        assertTrue((after - before) / 1_000_000_000.0 > 8, "the first line came only with the last: " + seen);
        LocalEngine.removeImages(REPOSITORY + ":live");
    }

    @Test
    void ctrlC_cancelsTheBuildOnTheEngine_andExits130WithOneLine() throws Exception {
        Path context = TestContext.withBusybox("FROM " + BASE + "\nRUN echo interrupt-me && sleep 60\n");
        // As ExitCodesIT: restore SIGINT's default disposition, which a shell without job control leaves ignored.
        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
        command.addAll(Dhpush.command());
        command.addAll(List.of("build", "--builder", "buildkit", "--context", context.toString(), "--repository", REPOSITORY,
                "--tag", "interrupted", "--progress", "plain", "--no-cache"));
        Process process = Dhpush.processBuilder(command, Map.of()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder seen = new StringBuilder();
        long started = System.nanoTime();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                seen.append(line).append('\n');
                if (line.matches("#\\d+ [0-9.]+ interrupt-me")) {
                    Commands.check(List.of("kill", "-INT", Long.toString(process.pid())), null);
                }
            }
        }
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "dhpush did not stop on SIGINT: " + seen);
        assertEquals(130, process.exitValue(), seen.toString());
        assertTrue(seen.toString().endsWith("interrupted\n"), seen.toString());
        assertFalse(seen.toString().contains("error: "), seen.toString());
        assertTrue((System.nanoTime() - started) / 1_000_000_000 < 50, "the 60 s step was waited for: " + seen);
    }

    @Test
    void auto_takesBuildKitWhereTheEngineNamesItsDefault_elseTheClassicBuilder() {
        Path context = TestContext.withBusybox("FROM " + BASE + "\nCOPY marker /marker\n");
        TestContext.write(context, "marker", "auto\n");
        Commands.Result result = build(Map.of("DHPUSH_BUILDER", "auto"), context, "auto");
        assertEquals(0, result.exitCode(), result.toString());
        String expected = newerBuildKit()
                ? "==> builder BuildKit (auto, from DHPUSH_BUILDER: the engine's default builder is BuildKit)"
                : "==> builder the classic builder (auto, from DHPUSH_BUILDER: the engine does not name BuildKit its default builder)";
        assertTrue(result.stderr().contains(expected), result.stderr());
    }

    @Test
    void failingRun_exits4_namingTheStep_theDockerfileLine_andTheExitCode_afterItsOutput() {
        Path context = TestContext.withBusybox("""
                FROM %s
                RUN echo first-step
                RUN echo output-of-the-failing-step && \\
                    exit 3
                """.formatted(BASE));
        Commands.Result result = build(Map.of(), context, "fails", "--builder", "buildkit");
        assertEquals(4, result.exitCode(), result.toString());
        String error = result.stderr().lines().filter(line -> line.startsWith("error: ")).findFirst().orElseThrow();
        assertTrue(error.contains("[3/3] RUN echo output-of-the-failing-step"), error);
        assertTrue(error.contains(context.resolve("Dockerfile") + " line 3"), error);
        assertTrue(error.endsWith("failed: exit code 3"), error);
        assertTrue(result.stderr().indexOf("output-of-the-failing-step\n") < result.stderr().indexOf("error: "),
                "the step's output comes before the error line: " + result.stderr());
    }

    @Test
    void unparsableDockerfile_exits4_namingTheLine() {
        Path context = TestContext.withBusybox("FROM " + BASE + "\nCOPY busybox /busybox\nNOTANINSTRUCTION here\n");
        Commands.Result result = build(Map.of(), context, "parse", "--builder", "buildkit");
        assertEquals(4, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains(context.resolve("Dockerfile") + " line 3: unknown instruction"), result.stderr());
        assertTrue(result.stderr().contains("hint: fix line 3 of " + context.resolve("Dockerfile")), result.stderr());
    }

    @Test
    void json_emitsTheBuilderAndEveryStep() {
        Path context = TestContext.withBusybox("FROM " + BASE + "\nRUN echo json-step-output\n");
        Commands.Result result = build(Map.of(), context, "json", "--builder", "buildkit", "--json", "--no-cache");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("\"event\":\"builder\",\"builder\":\"buildkit\""), result.stdout());
        assertTrue(result.stdout().contains("\"kind\":\"output\",\"text\":\"json-step-output\""), result.stdout());
        assertTrue(result.stdout().contains("\"kind\":\"done\""), result.stdout());
    }

    @Test
    void quiet_printsOnlyTheImageId() {
        Path context = TestContext.withBusybox("FROM " + BASE + "\nRUN echo quiet\n");
        Commands.Result result = build(Map.of(), context, "json", "--builder", "buildkit", "--quiet");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(LocalEngine.imageId(REPOSITORY + ":json"), result.stdout().strip());
        assertFalse(STEP_HEADER.matcher(result.all()).find(), result.toString());
    }

    @Test
    void aSecretFromAFileThatIsMissing_exits2_beforeTheEngineIsAsked() {
        Path context = TestContext.withBusybox("FROM " + BASE + "\n");
        Commands.Result result = build(Map.of(), context, "parse", "--builder", "buildkit", "--secret", "id=x,src=/nonexistent/file",
                "--host", "unix:///nonexistent.sock");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: invalid --secret \"id=x,src=/nonexistent/file\": the file /nonexistent/file cannot be read"),
                result.stderr());
        Commands.Result unset = build(Map.of(), context, "parse", "--builder", "buildkit", "--secret", "id=x,env=DHPUSH_UNSET_VARIABLE",
                "--host", "unix:///nonexistent.sock");
        assertEquals(2, unset.exitCode(), unset.toString());
        assertTrue(unset.stderr().contains("the variable DHPUSH_UNSET_VARIABLE is not set"), unset.stderr());
    }

    @Test
    void secretsWithTheClassicBuilder_exit2_sayingToUseBuildKit() {
        Path context = TestContext.withBusybox("FROM " + BASE + "\n");
        Commands.Result result = build(Map.of("SOME_SECRET", "x"), context, "parse", "--builder", "classic", "--secret", "id=x,env=SOME_SECRET");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("hint: build with BuildKit: --builder buildkit"), result.stderr());
    }
}
