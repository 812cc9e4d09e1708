package dev.nsg.dhpush.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.RecordingProxy;
import dev.nsg.dhpush.testing.Skopeo;
import dev.nsg.dhpush.testing.TestContext;
import dev.nsg.dhpush.testing.TokenIssuer;

/**
 * Verification and tag listing against real registries: a Docker-Hub-style one with Bearer tokens from a test
 * issuer, and an open one behind a recording proxy that injects rate limiting.
 */
@Tag(EngineMatrix.TAG)
class RegistryIT {

    private static final String OWNER = "pipeline";
    private static final String PASSWORD = "T0ken-service-password";
    private static final Pattern VERIFIED = Pattern.compile("(?m)^(\\S+):(\\S+)@(sha256:[a-f0-9]{64}) verified$");
    private static final Map<String, String> OWNER_CREDENTIALS = Map.of("DOCKER_HUB_USER", OWNER, "DOCKER_HUB_KEY", PASSWORD);

    private static TokenIssuer issuer;
    private static LocalRegistry tokenRegistry;
    private static LocalRegistry open;
    private static RecordingProxy proxy;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        issuer = TokenIssuer.start(Map.of(OWNER, PASSWORD, "other", "other-password"));
        tokenRegistry = LocalRegistry.withTokenAuth(issuer);
        open = LocalRegistry.open();
        proxy = RecordingProxy.inFrontOf(open.url(""));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        open.close();
        tokenRegistry.close();
        issuer.close();
    }

    private static String digestOf(Commands.Result result, String tag) {
        Matcher line = VERIFIED.matcher(result.stdout());
        while (line.find()) {
            if (line.group(2).equals(tag)) {
                return line.group(3);
            }
        }
        throw new AssertionError("no verified line for " + tag + ": " + result);
    }

    private static Commands.Result publish(String registry, String repository, Map<String, String> environment, String marker, String... tags) {
        var context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\nCOPY marker /marker\n");
        TestContext.write(context, "marker", marker + "\n");
        List<String> arguments = new java.util.ArrayList<>(List.of("--context", context.toString(), "--registry", registry, "--repository", repository));
        for (String tag : tags) {
            arguments.addAll(List.of("--tag", tag));
        }
        return Dhpush.run(environment, null, arguments.toArray(String[]::new));
    }

    @Test
    void tokenRegistry_publish_makesFourRequests_challengeTokenLookupVerify() {
        Commands.Result result = publish(tokenRegistry.address(), OWNER + "/app", OWNER_CREDENTIALS, "token", "1");
        assertEquals(0, result.exitCode(), result.toString());
        digestOf(result, "1");
        assertTrue(result.stderr().contains("proven by the token service's grant"), result.stderr());
        assertTrue(result.stderr().contains("notice: 4 registry requests (preflight, tag lookups and verification)"), result.stderr());
    }

    @Test
    void tokenRegistry_verify_makesThreeRequests_challengeTokenHead() {
        Commands.Result pushed = publish(tokenRegistry.address(), OWNER + "/three", OWNER_CREDENTIALS, "three", "1");
        Commands.Result verify = Dhpush.run(Map.of(), null, "verify", "--registry", tokenRegistry.address(),
                "--repository", OWNER + "/three", "--tag", "1", "--digest", digestOf(pushed, "1"));
        assertEquals(0, verify.exitCode(), verify.toString());
        assertTrue(verify.stderr().contains("notice: 3 registry requests to verify"), verify.stderr());
    }

    @Test
    void tokenRegistry_verifyAndTags_workAnonymouslyForPull() {
        Commands.Result pushed = publish(tokenRegistry.address(), OWNER + "/public", OWNER_CREDENTIALS, "public", "a", "b");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        Commands.Result verified = Dhpush.run(Map.of(), null, "verify", "--registry", tokenRegistry.address(),
                "--repository", OWNER + "/public", "--tag", "a", "--digest", digestOf(pushed, "a"));
        assertEquals(0, verified.exitCode(), verified.toString());
        Commands.Result tags = Dhpush.run(Map.of(), null, "tags", "--registry", tokenRegistry.address(), "--repository", OWNER + "/public");
        assertEquals(0, tags.exitCode(), tags.toString());
        assertEquals(List.of("a", "b"), java.util.Arrays.stream(tags.stdout().strip().split("\n")).sorted().toList());
    }

    @Test
    void tokenRegistry_wrongPassword_exits5() {
        Commands.Result result = publish(tokenRegistry.address(), OWNER + "/app", Map.of("DOCKER_HUB_USER", OWNER, "DOCKER_HUB_KEY", "wrong"), "wrong", "2");
        assertEquals(5, result.exitCode(), result.toString());
        Commands.Result verify = Dhpush.run(Map.of("DOCKER_HUB_USER", OWNER, "DOCKER_HUB_KEY", "wrong"), null, "verify",
                "--registry", tokenRegistry.address(), "--repository", OWNER + "/app", "--tag", "1", "--digest", "sha256:" + "0".repeat(64));
        assertEquals(5, verify.exitCode(), verify.toString());
        assertTrue(verify.stderr().contains("the token service"), verify.stderr());
    }

    @Test
    void tokenRegistry_pushToAnotherUsersNamespace_isDenied_exit5_withAdviceForThatRegistry() {
        Commands.Result result = publish(tokenRegistry.address(), "other/app", OWNER_CREDENTIALS, "denied", "1");
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("the token service granted pull on other/app, not push"), result.stderr());
        assertTrue(result.stderr().contains("hint: " + OWNER + " (DOCKER_HUB_USER/DOCKER_HUB_KEY) may not push to "
                + tokenRegistry.address() + "/other/app"), result.stderr());
        assertFalse(result.stderr().contains("Docker Hub"), "no Docker Hub advice for another registry: " + result.stderr());
    }

    @Test
    void missingTag_exits7() {
        Commands.Result result = Dhpush.run(Map.of(), null, "verify", "--registry", open.address(), "--repository", "team/none",
                "--tag", "absent", "--digest", "sha256:" + "1".repeat(64));
        assertEquals(7, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("the registry has no such tag (expected sha256:" + "1".repeat(64) + ")"), result.stderr());
    }

    @Test
    void tagReplacedBetweenPushAndVerify_exits7_showingBothDigests() {
        Commands.Result first = publish(open.address(), "team/race", Map.of(), "first", "shared");
        assertEquals(0, first.exitCode(), first.toString());
        String firstDigest = digestOf(first, "shared");
        Commands.Result second = publish(open.address(), "team/race", Map.of(), "second", "shared");
        String secondDigest = digestOf(second, "shared");
        Commands.Result verify = Dhpush.run(Map.of(), null, "verify", "--registry", open.address(), "--repository", "team/race",
                "--tag", "shared", "--digest", firstDigest);
        assertEquals(7, verify.exitCode(), verify.toString());
        assertTrue(verify.stderr().contains("the registry serves " + secondDigest + ", expected " + firstDigest), verify.stderr());
    }

    @Test
    void verifyWithoutDigest_usesTheLocalRepoDigest() {
        Commands.Result pushed = publish(open.address(), "team/local", Map.of(), "local", "7");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        Commands.Result verify = Dhpush.run(Map.of(), null, "verify", "--registry", open.address(), "--repository", "team/local", "--tag", "7");
        assertEquals(0, verify.exitCode(), verify.toString());
        assertEquals(digestOf(pushed, "7"), digestOf(verify, "7"));
    }

    @Test
    void verifyWithNoDigestAndNoLocalImage_showsTheDigestTheRegistryServes() {
        Commands.Result pushed = publish(open.address(), "team/served", Map.of(), "served", "3");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        LocalEngine.removeImages(open.address() + "/team/served:3");
        String served = Skopeo.digest(open.address(), "team/served", "3");
        Commands.Result verify = Dhpush.run(Map.of(), null, "verify", "--registry", open.address(), "--repository", "team/served",
                "--tag", "3");
        assertEquals(0, verify.exitCode(), verify.toString());
        assertEquals(open.address() + "/team/served:3@" + served + " served", verify.stdout().strip());
        assertTrue(verify.stderr().contains("notice: this engine has no image " + open.address() + "/team/served:3"), verify.stderr());
        Commands.Result noEngine = Dhpush.run(Map.of(), null, "verify", "--registry", open.address(), "--repository", "team/served",
                "--tag", "3", "--host", "unix:///nonexistent/docker.sock", "--json");
        assertEquals(0, noEngine.exitCode(), noEngine.toString());
        assertTrue(noEngine.stdout().contains("\"event\":\"served\""), noEngine.stdout());
        assertTrue(noEngine.stdout().contains("no Docker engine answers at unix:///nonexistent/docker.sock"), noEngine.stdout());
    }

    @Test
    void registryDown_exits8_afterTheConfiguredAttempts() {
        Commands.Result result = Dhpush.run(Map.of("DHPUSH_REGISTRY_MAX_ATTEMPTS", "3", "DHPUSH_REGISTRY_INITIAL_BACKOFF", "0.1S"), null,
                "verify", "--registry", "127.0.0.1:" + LocalRegistry.freePort(), "--repository", "team/app",
                "--tag", "1", "--digest", "sha256:" + "2".repeat(64));
        assertEquals(8, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("still failing after 3 attempts"), result.stderr());
    }

    @Test
    void rateLimited429_honoursRetryAfter_thenSucceeds() {
        Commands.Result pushed = publish(open.address(), "team/limited", Map.of(), "limited", "1");
        String digest = digestOf(pushed, "1");
        proxy.reset();
        proxy.rateLimitManifests(1, "2");
        Commands.Result verify = Dhpush.run(Map.of(), null, "verify", "--registry", proxy.address(), "--repository", "team/limited",
                "--tag", "1", "--digest", digest);
        assertEquals(0, verify.exitCode(), verify.toString());
        List<RecordingProxy.Seen> manifests = proxy.seen().stream().filter(seen -> seen.path().contains("/manifests/")).toList();
        assertEquals(2, manifests.size(), manifests.toString());
        assertEquals(429, manifests.get(0).status());
        assertEquals(200, manifests.get(1).status());
        long waited = manifests.get(1).atMillis() - manifests.get(0).atMillis();
        assertTrue(waited >= 1900, "Retry-After: 2 was not honoured: the retry came after " + waited + " ms");
    }

    @Test
    void moreTagsThanOnePage_areAllListed() {
        Commands.Result pushed = publish(open.address(), "team/many", Map.of(), "many", "t1", "t2", "t3", "t4", "t5");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        proxy.reset();
        proxy.paginateTags();
        Commands.Result tags = Dhpush.run(Map.of("DHPUSH_REGISTRY_TAGS_PAGE_SIZE", "2"), null, "tags", "--registry", proxy.address(),
                "--repository", "team/many", "--json");
        assertEquals(0, tags.exitCode(), tags.toString());
        assertTrue(tags.stdout().contains("\"count\":5,\"tags\":[\"t1\",\"t2\",\"t3\",\"t4\",\"t5\"]"), tags.stdout());
        long pages = proxy.seen().stream().filter(seen -> seen.path().contains("/tags/list")).count();
        assertEquals(3, pages, "five tags in pages of two: " + proxy.seen());
    }
}
