package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import dev.nsg.dhpush.testing.Skopeo;
import dev.nsg.dhpush.testing.TestContext;
import dev.nsg.dhpush.testing.TestRegistries;

/** --output-env and --output-json: read by a second shell as a later pipeline step would, and absent after a failure. */
@Tag(EngineMatrix.TAG)
class OutputFilesIT {

    private static final String USER = TestRegistries.OWNER;
    private static final String PASSWORD = "Results-pa55-never-printed";

    private static TestRegistries registries;
    private static LocalRegistry open;
    private static Path context;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        registries = TestRegistries.start(PASSWORD);
        open = registries.open;
        context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\nCOPY marker /marker\n");
        TestContext.write(context, "marker", "output files " + System.nanoTime() + "\n");
    }

    @AfterAll
    static void stop() {
        registries.close();
    }

    @Test
    void outputEnv_sourcedByAnotherShell_givesTheDigestSkopeoSees() throws IOException {
        Path dir = Files.createTempDirectory("dhpush-results-");
        Path env = dir.resolve("dhpush.env");
        Path json = dir.resolve("dhpush.json");
        Commands.Result result = Dhpush.run(Map.of(), null, "--context", context.toString(), "--registry", open.address(),
                "--repository", "team/results", "--tag", "7", "--tag", "stable", "--output-env", env.toString(),
                "--output-json", json.toString());
        assertEquals(0, result.exitCode(), result.toString());
        Commands.Result sourced = Commands.run(List.of("bash", "-c",
                "set -eu; . \"$1\"; printf '%s\\n' \"$DHPUSH_IMAGE\" \"$DHPUSH_DIGEST\" \"$DHPUSH_TAGS\" \"$DHPUSH_REFS\"", "step2",
                env.toString()), Map.of(), dir, null, 30);
        assertEquals(0, sourced.exitCode(), sourced.toString());
        List<String> values = sourced.stdout().lines().toList();
        String digest = Skopeo.digest(open.address(), "team/results", "7");
        assertEquals(open.address() + "/team/results", values.get(0));
        assertEquals(digest, values.get(1), "the sourced digest must be the one skopeo reads from the registry");
        assertEquals(digest, Skopeo.digest(open.address(), "team/results", "stable"));
        assertEquals("7 stable", values.get(2));
        assertEquals(open.address() + "/team/results:7@" + digest + " " + open.address() + "/team/results:stable@" + digest,
                values.get(3));

        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertEquals(digest, summary.get("digest").asText());
        assertEquals(open.address() + "/team/results", summary.get("image").asText());
        assertEquals(2, summary.get("tags").size());
        for (JsonNode tag : summary.get("tags")) {
            assertEquals(digest, tag.get("verifiedDigest").asText());
            assertFalse(tag.get("moved").asBoolean(), tag.toString());
        }
        assertTrue(summary.get("timingsMillis").has("build") && summary.get("timingsMillis").has("push")
                && summary.get("timingsMillis").has("verify") && summary.get("timingsMillis").has("total"), summary.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("dhpush.env", "dhpush.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file may be left beside the results");
        }
    }

    @Test
    void outputJson_saysWhichTagMoved_andFromWhat() throws IOException {
        Path json = Files.createTempDirectory("dhpush-results-").resolve("moved.json");
        Path other = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\nCOPY marker /marker\n");
        TestContext.write(other, "marker", "the older image " + System.nanoTime() + "\n");
        assertEquals(0, Dhpush.run(Map.of(), null, "--context", other.toString(), "--registry", open.address(),
                "--repository", "team/moving", "--tag", "edge").exitCode());
        String before = Skopeo.digest(open.address(), "team/moving", "edge");
        Commands.Result result = Dhpush.run(Map.of(), null, "--context", context.toString(), "--registry", open.address(),
                "--repository", "team/moving", "--tag", "edge", "--output-json", json.toString());
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode tag = new ObjectMapper().readTree(json.toFile()).get("tags").get(0);
        assertTrue(tag.get("moved").asBoolean(), tag.toString());
        assertEquals(before, tag.get("previousDigest").asText());
        assertEquals(Skopeo.digest(open.address(), "team/moving", "edge"), tag.get("verifiedDigest").asText());
    }

    @Test
    void failedRun_leavesNoResultFile_andKeepsAnOlderOneUntouched() throws IOException {
        Path dir = Files.createTempDirectory("dhpush-results-");
        Path env = dir.resolve("dhpush.env");
        Files.writeString(env, "DHPUSH_DIGEST='from an earlier run'\n");
        Path json = dir.resolve("dhpush.json");
        Commands.Result refused = Dhpush.run(Map.of("DOCKER_HUB_USER", USER, "DOCKER_HUB_KEY", "wrong-" + PASSWORD), null,
                "--context", context.toString(), "--registry", registries.basic.address(), "--repository", "team/results",
                "--tag", "refused", "--output-env", env.toString(), "--output-json", json.toString());
        assertEquals(5, refused.exitCode(), refused.toString());
        assertEquals("DHPUSH_DIGEST='from an earlier run'\n", Files.readString(env));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("dhpush.env"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void resultFileInAMissingDirectory_isExit2_beforeAnythingIsBuilt() {
        Commands.Result result = Dhpush.run(Map.of(), null, "--context", context.toString(), "--registry", open.address(),
                "--repository", "team/results", "--tag", "never", "--output-env", "/nonexistent/dir/dhpush.env");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: cannot write the result file /nonexistent/dir/dhpush.env"), result.stderr());
        assertFalse(result.stderr().contains("==> build"), "nothing may be built: " + result.stderr());
    }
}
