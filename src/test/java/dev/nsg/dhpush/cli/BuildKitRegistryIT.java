package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import dev.nsg.dhpush.testing.TestContext;
import dev.nsg.dhpush.testing.TestRegistries;

/**
 * BuildKit builds that talk to registries: private base images pulled with dhpush's own credentials (through the
 * session's Auth service; no docker login on the machine), and the inline cache a published image carries, reused by
 * a build on an engine whose build cache was pruned.
 */
@Tag(EngineMatrix.TAG)
class BuildKitRegistryIT {

    private static final String PASSWORD = "bk-Pa55-word-never-printed";
    private static final Map<String, String> OWNER = Map.of("DOCKER_HUB_USER", TestRegistries.OWNER, "DOCKER_HUB_KEY", PASSWORD);
    private static final Pattern RUN_STEP = Pattern.compile("(?m)^#(\\d+) \\[2/2\\] RUN .*inline-cache-.*$");

    private static TestRegistries registries;
    private static final List<String> LOCAL_NAMES = new java.util.ArrayList<>();

    @BeforeAll
    static void start() {
        LocalEngine.require();
        registries = TestRegistries.start(PASSWORD);
    }

    @AfterAll
    static void stop() {
        LocalEngine.removeImages(LOCAL_NAMES.toArray(String[]::new));
        registries.close();
    }

    /** Publishes a busybox base image to {@code registry} as the owner, then removes it from the engine. */
    private static String privateBase(LocalRegistry registry) {
        Path base = TestContext.withBusybox("""
                FROM scratch
                COPY busybox /bin/busybox
                COPY marker /marker
                """);
        TestContext.write(base, "marker", "private base " + registry.address() + "\n");
        Commands.Result pushed = Dhpush.run(OWNER, null, "--context", base.toString(), "--registry", registry.address(),
                "--repository", TestRegistries.OWNER + "/base", "--tag", "1", "--quiet");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        String name = registry.address() + "/" + TestRegistries.OWNER + "/base:1";
        LocalEngine.removeImages(name);
        return name;
    }

    private static Commands.Result buildFrom(LocalRegistry registry, String base, Map<String, String> environment, String tag) {
        Path context = TestContext.withBusybox("FROM " + base + "\nRUN [\"/bin/busybox\", \"cat\", \"/marker\"]\n");
        LOCAL_NAMES.add(registry.address() + "/" + TestRegistries.OWNER + "/app:" + tag);
        return Dhpush.run(environment, null, "build", "--builder", "buildkit", "--context", context.toString(), "--registry",
                registry.address(), "--repository", TestRegistries.OWNER + "/app", "--tag", tag, "--progress", "plain");
    }

    @Test
    void privateBaseImage_onABasicAuthRegistry_isPulledWithDhpushsCredentials() {
        String base = privateBase(registries.basic);
        Commands.Result anonymous = buildFrom(registries.basic, base, Map.of(), "anonymous");
        assertEquals(4, anonymous.exitCode(), "the registry wants a login, so without credentials the pull fails: " + anonymous);
        Commands.Result result = buildFrom(registries.basic, base, OWNER, "private");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("private base " + registries.basic.address()), result.stderr());
    }

    @Test
    void privateBaseImage_onATokenRegistry_isPulledWithDhpushsCredentials() {
        String base = privateBase(registries.token);
        Commands.Result result = buildFrom(registries.token, base, OWNER, "private");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("private base " + registries.token.address()), result.stderr());
    }

    @Test
    void inlineCache_ofAPublishedImage_isReusedAfterTheBuildCacheIsPruned() {
        LocalRegistry registry = registries.open;
        String repository = registry.address() + "/team/cached";
        Path context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"sh\", \"-c\","
                + " \"echo inline-cache-" + System.nanoTime() + " > /made\"]\n");
        LOCAL_NAMES.add(repository + ":first");
        LOCAL_NAMES.add(repository + ":second");
        Commands.Result first = Dhpush.run(Map.of(), null, "--builder", "buildkit", "--context", context.toString(), "--registry",
                registry.address(), "--repository", "team/cached", "--tag", "first", "--progress", "plain");
        assertEquals(0, first.exitCode(), first.toString());
        String made = LocalEngine.docker("run", "--rm", repository + ":first", "/bin/busybox", "cat", "/made");

        LocalEngine.removeImages(repository + ":first");
        LocalEngine.docker("builder", "prune", "--all", "--force");

        Commands.Result second = Dhpush.run(Map.of(), null, "build", "--builder", "buildkit", "--context", context.toString(),
                "--registry", registry.address(), "--repository", "team/cached", "--tag", "second", "--progress", "plain",
                "--cache-from", repository + ":first");
        assertEquals(0, second.exitCode(), second.toString());
        java.util.regex.Matcher run = RUN_STEP.matcher(second.stderr());
        assertTrue(run.find(), second.stderr());
        assertTrue(second.stderr().contains("\n#" + run.group(1) + " CACHED\n"), "the RUN step was not taken from the cache: "
                + second.stderr());
        assertEquals(made, LocalEngine.docker("run", "--rm", repository + ":second", "/bin/busybox", "cat", "/made"),
                "the RUN step's result came from the cache, not from running it again");
    }
}
