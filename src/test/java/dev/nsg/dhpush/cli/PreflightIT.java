package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.SecretLeaks;
import dev.nsg.dhpush.testing.Skopeo;
import dev.nsg.dhpush.testing.TestContext;
import dev.nsg.dhpush.testing.TestRegistries;

/**
 * Push access is proven before the engine builds anything: a refusal or a dead registry costs seconds, not a build.
 * Each context carries a fresh marker, so a build that did run would have tagged a new image the test looks for.
 */
class PreflightIT {

    private static final String OWNER = TestRegistries.OWNER;
    private static final String PASSWORD = "Pre-flight-pa55word";

    private static TestRegistries registries;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        registries = TestRegistries.start(PASSWORD);
    }

    @AfterAll
    static void stop() {
        registries.close();
    }

    private static Path markedContext() {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\nCOPY marker /marker\n");
        TestContext.write(context, "marker", "preflight " + System.nanoTime() + "\n");
        return context;
    }

    private static Commands.Result publish(Map<String, String> environment, byte[] stdin, String registry, String repository,
            String tag, String... extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--context", markedContext().toString(), "--registry", registry,
                "--repository", repository, "--tag", tag, "--progress", "plain"));
        arguments.addAll(List.of(extra));
        return Dhpush.run(environment, stdin, arguments.toArray(String[]::new));
    }

    /** Nothing was built: no build phase began, and the engine has no image under the run's name. */
    private static void assertNothingBuilt(Commands.Result result, String image) {
        assertFalse(result.stderr().contains("==> build"), "the build started: " + result.stderr());
        assertFalse(result.stderr().contains("Step 1/"), "the engine built: " + result.stderr());
        Commands.Result inspected = Commands.run(List.of("docker", "image", "inspect", image), Map.of(), null, null, 60);
        assertTrue(inspected.exitCode() != 0, "the engine has an image " + image);
    }

    @Test
    void aTokenThatMayOnlyPull_exits5_beforeTheBuild_namingTheRepositoryAndTheMissingPush() {
        Commands.Result result = publish(Map.of("DOCKER_HUB_USER", OWNER, "DOCKER_HUB_KEY", PASSWORD), null,
                registries.token.address(), "someone-else/app", "readonly");
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: push " + registries.token.address() + "/someone-else/app: the token service granted"
                + " pull on someone-else/app, not push"), result.stderr());
        assertNothingBuilt(result, registries.token.address() + "/someone-else/app:readonly");
    }

    @Test
    void aWrongPasswordFromStdin_exits5_beforeTheBuild_namingThatSource_andNotDockerHub() {
        Commands.Result result = publish(Map.of(), "not-the-password\n".getBytes(StandardCharsets.UTF_8), registries.basic.address(),
                "team/app", "wrong", "--username", OWNER, "--password-stdin");
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("hint: the password or token for " + OWNER + " from --password-stdin was refused by "
                + registries.basic.address()), result.stderr());
        assertFalse(result.stderr().contains("Docker Hub"), "Docker Hub advice for another registry: " + result.stderr());
        assertFalse(result.stderr().contains("DOCKER_HUB"), "Docker Hub variables for another source: " + result.stderr());
        SecretLeaks.assertAbsent(result.all(), "not-the-password", "the refused run's output");
        assertNothingBuilt(result, registries.basic.address() + "/team/app:wrong");
    }

    @Test
    void aDeadRegistry_exits8_beforeTheBuild() {
        String dead = "127.0.0.1:" + LocalRegistry.freePort();
        Commands.Result result = publish(Map.of("DHPUSH_REGISTRY_MAX_ATTEMPTS", "2", "DHPUSH_REGISTRY_INITIAL_BACKOFF", "0.1S"), null,
                dead, "team/app", "dead");
        assertEquals(8, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("still failing after 2 attempts"), result.stderr());
        assertTrue(result.stderr().contains("hint: check that " + dead + " is up and reachable; retries are bounded by"
                + " DHPUSH_REGISTRY_MAX_ATTEMPTS=2"), result.stderr());
        assertNothingBuilt(result, dead + "/team/app:dead");
    }

    @Test
    void theOwner_isGrantedPush_andTheRunSaysHowItWasProven() {
        Commands.Result result = publish(Map.of("DOCKER_HUB_USER", OWNER, "DOCKER_HUB_KEY", PASSWORD), null,
                registries.token.address(), OWNER + "/granted", "1", "--debug");
        assertEquals(0, result.exitCode(), result.toString());
        SecretLeaks.assertAbsent(result.all(), PASSWORD, "a --debug run on a token registry");
        assertFalse(registries.issuer.tokens().isEmpty(), "no token was issued: the check below would prove nothing");
        registries.issuer.tokens().forEach(token -> SecretLeaks.assertAbsent(result.all(), token, "a --debug run, its bearer token"));
        assertTrue(result.stderr().contains("==> preflight push access to " + registries.token.address() + "/" + OWNER
                + "/granted proven by the token service's grant, as " + OWNER + " (DOCKER_HUB_USER/DOCKER_HUB_KEY)"), result.stderr());
        assertTrue(result.stderr().indexOf("==> preflight") < result.stderr().indexOf("==> build"), result.stderr());
    }

    @Test
    void aBasicRegistry_provesAccessWithAnUploadItCancels_leavingNoRepositoryBehind() {
        Commands.Result result = publish(Map.of(), null, registries.open.address(), "team/probe", "1", "--dry-run");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("proven by an upload the registry accepted (then cancelled), anonymously"), result.stderr());
        assertTrue(result.stdout().contains("tag:        1  (new on the registry)"), result.stdout());
        assertNull(Skopeo.digest(registries.open.address(), "team/probe", "1"), "a dry run pushed");
        String catalog = Commands.check(List.of("curl", "-fsS", registries.open.url("/v2/_catalog")), null);
        assertFalse(catalog.contains("team/probe"), "the probe left a repository: " + catalog);
    }

    @Test
    void dryRun_runsTheSameChecks_andStillChangesNothing() {
        Commands.Result refused = publish(Map.of("DOCKER_HUB_USER", OWNER, "DOCKER_HUB_KEY", PASSWORD), null,
                registries.token.address(), "someone-else/app", "dry", "--dry-run");
        assertEquals(5, refused.exitCode(), refused.toString());
        Commands.Result wrong = publish(Map.of("DOCKER_HUB_USER", OWNER, "DOCKER_HUB_KEY", "wrong"), null,
                registries.basic.address(), "team/app", "dry", "--dry-run");
        assertEquals(5, wrong.exitCode(), wrong.toString());
    }
}
