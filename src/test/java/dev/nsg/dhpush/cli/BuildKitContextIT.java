package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.TestContext;

/**
 * What the daemon asks a BuildKit session for: only the paths the Dockerfile reads (a followed symlink brings its
 * target), never a file .dockerignore excludes, nothing again from an unchanged context, one file after one changed;
 * and dhpush context says beforehand exactly which files a first build sends.
 */
@Tag(EngineMatrix.TAG)
class BuildKitContextIT {

    private static final String REPOSITORY = "dhpush-it/buildkit-context";

    @BeforeAll
    static void engine() {
        LocalEngine.require();
    }

    @AfterAll
    static void cleanUp() {
        LocalEngine.removeImages(REPOSITORY + ":1", REPOSITORY + ":2", REPOSITORY + ":3");
    }

    private static Path context() throws Exception {
        Path context = TestContext.withBusybox("""
                FROM scratch
                COPY busybox /bin/busybox
                COPY app /app
                COPY conf-link /etc/app.conf
                """);
        TestContext.write(context, ".dockerignore", "app/*.secret\n");
        TestContext.write(context, "app/main.py", "print('main')\n");
        TestContext.write(context, "app/token.secret", "never requested\n");
        TestContext.write(context, "real/app.conf", "key=value\n");
        Files.createSymbolicLink(context.resolve("conf-link"), Path.of("real/app.conf"));
        TestContext.write(context, "unrelated/big.bin", "x".repeat(1_000_000));
        return context;
    }

    /** The context files a build's session sent, from its --debug lines. */
    private static Set<String> sent(Commands.Result build) {
        return build.stderr().lines().filter(line -> line.contains("session: sent context "))
                .map(line -> line.substring(line.indexOf("session: sent context ") + "session: sent context ".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The files dhpush context's BuildKit view says a first build sends. */
    private static Set<String> announcedFiles(JsonNode buildKit) {
        Set<String> files = new TreeSet<>();
        buildKit.path("entries").forEach(entry -> {
            if (entry.path("type").asText().equals("file")) {
                files.add(entry.path("path").asText());
            }
        });
        return files;
    }

    private static Set<String> withoutIgnoreFile(Set<String> sent) {
        Set<String> files = new TreeSet<>(sent);
        files.remove(".dockerignore");
        return files;
    }

    private static Commands.Result build(Path context, String tag) {
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--builder", "buildkit", "--context", context.toString(),
                "--repository", REPOSITORY, "--tag", tag, "--debug");
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    @Test
    void theDaemonIsSentWhatTheDockerfileReads_onlyOnce_andDhpushContextSaysSoBeforehand() throws Exception {
        Path context = context();
        Commands.Result listing = Dhpush.run("context", "--context", context.toString(), "--json");
        assertEquals(0, listing.exitCode(), listing.toString());
        JsonNode buildKit = new ObjectMapper().readTree(listing.stdout()).path("buildkit");
        Set<String> announced = announcedFiles(buildKit);

        announced.add(buildKit.path("ignoreFile").asText());
        Set<String> first = sent(build(context, "1"));
        assertEquals(new TreeSet<>(List.of(".dockerignore", "app/main.py", "busybox", "real/app.conf")), first);
        assertEquals(first, announced, "dhpush context announces what the first build sends");
        assertFalse(buildKit.toString().contains("token.secret") || buildKit.toString().contains("unrelated"),
                "an excluded or unread file in the BuildKit view: " + buildKit);

        // Docker 26.1's frontend reads .dockerignore afresh on every build (a sync of its own); the context's files are
        // compared with the daemon's copy under the shared key.
        assertEquals(Set.of(), withoutIgnoreFile(sent(build(context, "2"))), "an unchanged context is sent again");

        Files.writeString(context.resolve("app/main.py"), "print('changed, and longer')\n");
        assertEquals(Set.of("app/main.py"), withoutIgnoreFile(sent(build(context, "3"))));
        assertTrue(LocalEngine.docker("run", "--rm", REPOSITORY + ":3", "/bin/busybox", "cat", "/etc/app.conf").contains("key=value"));
    }

    /** The BuildKit view of dhpush context with --target: what a build of that stage is sent, and nothing for later stages. */
    @Test
    void contextWithTarget_announcesWhatABuildOfThatStageIsSent() throws Exception {
        Path context = TestContext.withBusybox("""
                FROM scratch AS tools
                COPY busybox /bin/busybox
                COPY tools /tools
                FROM tools
                COPY app /app
                """);
        TestContext.write(context, "tools/run.sh", "echo tools\n");
        TestContext.write(context, "app/main.py", "print('main')\n");
        Commands.Result listing = Dhpush.run("context", "--context", context.toString(), "--target", "tools", "--json");
        assertEquals(0, listing.exitCode(), listing.toString());
        JsonNode buildKit = new ObjectMapper().readTree(listing.stdout()).path("buildkit");
        Set<String> announced = announcedFiles(buildKit);
        assertEquals(new TreeSet<>(List.of("busybox", "tools/run.sh")), announced, buildKit.toString());
        Commands.Result build = Dhpush.run(Map.of(), null, "build", "--builder", "buildkit", "--context", context.toString(),
                "--repository", REPOSITORY, "--tag", "target", "--target", "tools", "--debug");
        assertEquals(0, build.exitCode(), build.toString());
        LocalEngine.removeImages(REPOSITORY + ":target");
        assertEquals(announced, withoutIgnoreFile(sent(build)), "dhpush context --target announces what that build sends");
    }
}
