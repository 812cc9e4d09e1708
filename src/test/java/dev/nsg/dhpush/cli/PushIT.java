package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.SecretLeaks;
import dev.nsg.dhpush.testing.TestContext;

/** Build, tag and push to real registries on loopback: open, and htpasswd with every credential source. */
@Tag(EngineMatrix.TAG)
class PushIT {

    private static final String USER = "pipeline";
    private static final String PASSWORD = "Pa55-word-never-printed";
    private static final Pattern PINNED = Pattern.compile("(?m)^(\\S+):(\\S+)@(sha256:[a-f0-9]{64})( verified)?$");

    private static LocalRegistry open;
    private static LocalRegistry guarded;
    private static Path context;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        open = LocalRegistry.open();
        guarded = LocalRegistry.withBasicAuth(USER, PASSWORD);
        context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\nCOPY marker /marker\n");
        TestContext.write(context, "marker", "push test " + System.nanoTime() + "\n");
    }

    @AfterAll
    static void stop() {
        open.close();
        guarded.close();
    }

    private static Commands.Result publish(LocalRegistry registry, Map<String, String> environment, byte[] stdin, String... extra) {
        String[] arguments = new String[6 + extra.length];
        System.arraycopy(new String[] {"--context", context.toString(), "--registry", registry.address(),
                "--repository", "team/app"}, 0, arguments, 0, 6);
        System.arraycopy(extra, 0, arguments, 6, extra.length);
        return Dhpush.run(environment, stdin, arguments);
    }

    private static void assertPushed(LocalRegistry registry, Commands.Result result, String tag) {
        assertEquals(0, result.exitCode(), result.toString());
        Matcher line = PINNED.matcher(result.stdout());
        boolean found = false;
        while (line.find()) {
            if (line.group(2).equals(tag)) {
                found = true;
                assertEquals(registry.address() + "/team/app", line.group(1));
                assertEquals(line.group(3), registry.manifestDigest("team/app", tag, USER, PASSWORD),
                        "the registry must serve the digest dhpush printed");
            }
        }
        assertTrue(found, "no pinned result line for " + tag + ": " + result.stdout());
    }

    @Test
    void openRegistry_buildTagPush_printsOnePinnedLinePerTag() {
        Commands.Result result = publish(open, Map.of(), null, "--tag", "1.0", "--latest");
        assertPushed(open, result, "1.0");
        assertPushed(open, result, "latest");
        assertEquals(2, result.stdout().strip().split("\n").length, "stdout carries only results: " + result.stdout());
        LocalEngine.removeImages(open.address() + "/team/app:1.0", open.address() + "/team/app:latest");
    }

    @Test
    void basicAuth_credentialsFromTheEnvironment() {
        Commands.Result result = publish(guarded, Map.of("DOCKER_HUB_USER", USER, "DOCKER_HUB_KEY", PASSWORD), null, "--tag", "env");
        assertPushed(guarded, result, "env");
    }

    @Test
    void basicAuth_credentialsFromPasswordStdin() {
        Commands.Result result = publish(guarded, Map.of(), (PASSWORD + "\n").getBytes(StandardCharsets.UTF_8),
                "--tag", "stdin", "--username", USER, "--password-stdin");
        assertPushed(guarded, result, "stdin");
    }

    @Test
    void basicAuth_credentialsFromConfigJsonAuths() throws IOException {
        Path config = Files.createTempDirectory("dhpush-config-");
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"" + guarded.address() + "\":{\"auth\":\"" + auth + "\"}}}");
        Commands.Result result = publish(guarded, Map.of("DOCKER_CONFIG", config.toString()), null, "--tag", "config");
        assertPushed(guarded, result, "config");
    }

    @Test
    void basicAuth_credentialsFromACredentialHelperProgram() throws IOException {
        Path bin = Files.createTempDirectory("dhpush-helper-");
        Path helper = bin.resolve("docker-credential-dhtest");
        // The helper protocol: the server URL arrives on stdin, the answer is JSON on stdout.
        Files.writeString(helper, "#!/bin/sh\nread server\n[ \"$1\" = get ] || exit 1\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + USER + "\",\"Secret\":\"" + PASSWORD + "\"}' \"$server\"\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path config = Files.createTempDirectory("dhpush-config-");
        Files.writeString(config.resolve("config.json"), "{\"credHelpers\":{\"" + guarded.address() + "\":\"dhtest\"}}");
        Commands.Result result = publish(guarded, Map.of("DOCKER_CONFIG", config.toString(),
                "PATH", bin + ":" + System.getenv("PATH")), null, "--tag", "helper");
        assertPushed(guarded, result, "helper");
    }

    @Test
    void wrongPassword_exits5_withAHintNamingTheVariables() {
        Commands.Result result = publish(guarded, Map.of("DOCKER_HUB_USER", USER, "DOCKER_HUB_KEY", "wrong-" + PASSWORD), null, "--tag", "wrong");
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: push " + guarded.address() + "/team/app: the registry " + guarded.address()
                + " answered 401"), result.stderr());
        assertTrue(result.stderr().contains("hint: the password or token for " + USER + " from DOCKER_HUB_USER/DOCKER_HUB_KEY was refused"),
                result.stderr());
        assertFalse(result.all().contains("wrong-" + PASSWORD), "the password was printed: " + result);
    }

    @Test
    void noCredentials_forAGuardedRegistry_exits5() {
        Commands.Result result = publish(guarded, Map.of(), null, "--tag", "anonymous");
        assertEquals(5, result.exitCode(), result.toString());
    }

    @Test
    void dockerHubWithoutCredentials_exits5_beforeBuilding() {
        Commands.Result result = Dhpush.run(Map.of(), null, "--context", context.toString(), "--repository", "someone/app",
                "--tag", "never-built", "--host", "unix:///nonexistent/docker.sock");
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("no Docker Hub credentials found"), result.stderr());
    }

    @Test
    void pushOfATagNeverBuilt_exits2_sayingToBuildFirst() {
        Commands.Result result = Dhpush.run(Map.of(), null, "push", "--registry", open.address(), "--repository", "team/none",
                "--tag", "missing");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: push " + open.address() + "/team/none:missing: this engine has no such image"),
                result.stderr());
        assertTrue(result.stderr().contains("hint: build it first (dhpush build --tag missing)"), result.stderr());
    }

    /** The layer digests of a manifest the registry serves: what the image holds, apart from its config (labels). */
    private static List<String> layers(LocalRegistry registry, String tag) throws IOException {
        List<String> digests = new ArrayList<>();
        new ObjectMapper().readTree(registry.manifest("team/app", tag, USER, PASSWORD)).path("layers")
                .forEach(layer -> digests.add(layer.path("digest").asText()));
        return digests;
    }

    /**
     * The same layers, not the same digest: dhpush's version label carries the tag, so the configs differ by design
     * between a tag pushed in two steps and one published in one.
     */
    @Test
    void buildThenPushCommands_giveTheSameLayersAsOneRun() throws IOException {
        Map<String, String> credentials = Map.of("DOCKER_HUB_USER", USER, "DOCKER_HUB_KEY", PASSWORD);
        Commands.Result built = Dhpush.run(credentials, null, "build", "--context", context.toString(),
                "--registry", guarded.address(), "--repository", "team/app", "--tag", "split");
        assertEquals(0, built.exitCode(), built.toString());
        assertEquals("", built.stdout().strip(), "build pushes nothing and prints no result");
        Commands.Result pushed = Dhpush.run(credentials, null, "push", "--registry", guarded.address(),
                "--repository", "team/app", "--tag", "split", "--quiet");
        assertPushed(guarded, pushed, "split");
        assertEquals("", pushed.stderr().strip(), "--quiet prints nothing else");
        Commands.Result oneRun = publish(guarded, credentials, null, "--tag", "one-run");
        assertPushed(guarded, oneRun, "one-run");
        List<String> split = layers(guarded, "split");
        assertFalse(split.isEmpty(), "the image has layers");
        assertEquals(split, layers(guarded, "one-run"));
    }

    @Test
    void secretNeverAppears_inAnyOutput_withDebugAndJson_onSuccessAndFailure() {
        for (String password : new String[] {PASSWORD, "Wr0ng-" + PASSWORD}) {
            for (String mode : new String[] {"--json", "--progress=tty", "--quiet"}) {
                Map<String, String> environment = new HashMap<>(Map.of("DOCKER_HUB_USER", USER, "DOCKER_HUB_KEY", password));
                Commands.Result result = publish(guarded, environment, null, "--tag", "leak", "--debug", mode);
                // Raw, JSON-escaped, and inside base64 or base64url at any alignment (X-Registry-Auth, Basic headers).
                SecretLeaks.assertAbsent(result.all(), password, "the output of " + mode);
                assertEquals(password.equals(PASSWORD) ? 0 : 5, result.exitCode(), "exit code of " + mode);
            }
        }
    }

    @Test
    void jsonMode_writesOnlyJsonEventsOnStdout_pushedThenVerified_endingWithTheRequestCount() throws IOException {
        Commands.Result result = publish(open, Map.of(), null, "--tag", "json", "--json");
        assertEquals(0, result.exitCode(), result.toString());
        List<String> events = new ArrayList<>();
        for (String line : result.stdout().strip().split("\n")) {
            JsonNode event = new ObjectMapper().readTree(line);
            assertTrue(event.hasNonNull("event"), line);
            events.add(event.get("event").asText());
        }
        int pushed = events.indexOf("pushed");
        int verified = events.indexOf("verified");
        assertTrue(pushed >= 0 && verified > pushed, "pushed, then verified: " + events);
        assertEquals("notice", events.get(events.size() - 1), "the registry request count ends the run: " + events);
        assertTrue(result.stdout().strip().endsWith("registry requests (preflight, tag lookups and verification)\"}"), result.stdout());
    }
}
