package dev.nsg.dhpush.cli;

import static dev.nsg.dhpush.testing.LocalEngine.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

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
import dev.nsg.dhpush.testing.TestContext;

/** dhpush build on the real engine: labels, build args, failures and input checks. */
@Tag(EngineMatrix.TAG)
class BuildIT {

    private static final String REPOSITORY = "dhpush-it/build";

    @BeforeAll
    static void engine() {
        LocalEngine.require();
    }

    @AfterAll
    static void cleanUp() {
        LocalEngine.removeImages(REPOSITORY + ":labels", REPOSITORY + ":second", REPOSITORY + ":fails", REPOSITORY + ":outside",
                REPOSITORY + ":envbase", REPOSITORY + ":dockerfile-labels", REPOSITORY + ":hard-links",
                REPOSITORY + ":hard-links-docker", REPOSITORY + ":special-files", REPOSITORY + ":special-files-docker");
    }

    @Test
    void build_tagsEveryTag_setsOciLabels_andTakesBuildArgsFromTheEnvironment() throws Exception {
        Path context = TestContext.withBusybox("""
                FROM scratch
                ARG FROM_ENV=unset
                ARG VERSION=dev
                COPY busybox /bin/busybox
                LABEL from.env="${FROM_ENV}" baked.version="${VERSION}"
                """);
        Commands.Result result = Dhpush.run(Map.of("FROM_ENV", "from-the-environment", "BITBUCKET_COMMIT", "0123abcd",
                "BITBUCKET_GIT_HTTP_ORIGIN", "https://user:not-a-secret@example.invalid/team/repo", "SOURCE_DATE_EPOCH", "1700000000"), null,
                "build", "--context", context.toString(), "--repository", REPOSITORY, "--tag", "labels", "--tag", "second",
                "--build-arg", "FROM_ENV", "--label", "custom.label=yes", "--label", "org.opencontainers.image.title=overridden");
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode labels = new ObjectMapper().readTree(docker("image", "inspect", "--format", "{{json .Config.Labels}}", REPOSITORY + ":labels"));
        assertEquals("from-the-environment", labels.path("from.env").asText());
        assertEquals("labels", labels.path("baked.version").asText(), "VERSION is passed when the Dockerfile declares it");
        assertEquals("yes", labels.path("custom.label").asText());
        assertEquals("overridden", labels.path("org.opencontainers.image.title").asText());
        assertEquals("labels", labels.path("org.opencontainers.image.version").asText());
        assertEquals("0123abcd", labels.path("org.opencontainers.image.revision").asText());
        assertEquals("https://example.invalid/team/repo", labels.path("org.opencontainers.image.source").asText());
        assertEquals("2023-11-14T22:13:20Z", labels.path("org.opencontainers.image.created").asText());
        assertEquals(docker("image", "inspect", "--format", "{{.Id}}", REPOSITORY + ":labels"),
                docker("image", "inspect", "--format", "{{.Id}}", REPOSITORY + ":second"));
    }

    @Test
    void labelsTheDockerfileSetsItself_areNotAddedAsStepsAgain_andABaseImageEnvThatWinsIsReported() throws Exception {
        // The base image's ENV REVISION wins over the build arg REVISION in the final stage: dhpush cannot know
        // that before the build, so it must read the labels back and say so.
        Path base = TestContext.withBusybox("FROM scratch\nENV REVISION=from-the-base-image\nCOPY busybox /bin/busybox\n");
        docker("build", "-q", "-t", REPOSITORY + ":envbase", base.toString());
        Path context = TestContext.withBusybox("""
                FROM %s:envbase
                ARG VERSION
                ARG REVISION
                LABEL org.opencontainers.image.version="${VERSION}" \\
                      org.opencontainers.image.revision="${REVISION}"
                """.formatted(REPOSITORY));
        Map<String, String> environment = Map.of("BITBUCKET_COMMIT", "0123abcd");
        String[] build = {"build", "--context", context.toString(), "--repository", REPOSITORY, "--tag", "dockerfile-labels",
                "--progress", "plain"};

        Commands.Result plan = Dhpush.run(environment, null, concat(build, "--dry-run"));
        assertEquals(0, plan.exitCode(), plan.toString());
        assertTrue(plan.stdout().contains("org.opencontainers.image.version=dockerfile-labels  (set by the Dockerfile)"), plan.stdout());
        assertTrue(plan.stdout().contains("org.opencontainers.image.title=build\n"), plan.stdout());

        Commands.Result result = Dhpush.run(environment, null, build);
        assertEquals(0, result.exitCode(), result.toString());
        assertFalse(result.stderr().contains("LABEL org.opencontainers.image.version=dockerfile-labels"),
                "a label the Dockerfile sets was added again as a step of its own: " + result.stderr());
        assertTrue(result.stderr().contains("LABEL org.opencontainers.image.title=build"), result.stderr());
        assertTrue(result.stderr().contains("label org.opencontainers.image.revision came out as \"from-the-base-image\", not \"0123abcd\""),
                result.stderr());
        JsonNode labels = new ObjectMapper().readTree(docker("image", "inspect", "--format", "{{json .Config.Labels}}",
                REPOSITORY + ":dockerfile-labels"));
        assertEquals("dockerfile-labels", labels.path("org.opencontainers.image.version").asText());
        assertEquals("build", labels.path("org.opencontainers.image.title").asText());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void failingStep_exits4_withTheEnginesMessageAndTheStepsOutput() {
        Path context = TestContext.withBusybox("""
                FROM scratch
                COPY busybox /bin/busybox
                RUN ["/bin/busybox", "sh", "-c", "echo output-of-the-failing-step; exit 3"]
                """);
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--context", context.toString(),
                "--repository", REPOSITORY, "--tag", "fails", "--quiet");
        assertEquals(4, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: build " + REPOSITORY + ":fails: "), result.stderr());
        assertTrue(result.stderr().contains("returned a non-zero code: 3"), result.stderr());
        assertTrue(result.stderr().contains("output-of-the-failing-step"), "the step's output belongs in the report: " + result.stderr());
        assertEquals("", result.stdout().strip());
    }

    @Test
    void dockerfileOutsideTheContext_buildsAndStaysOutOfTheImage() throws Exception {
        Path context = TestContext.withBusybox("not used");
        Path elsewhere = java.nio.file.Files.createTempDirectory("dhpush-dockerfile-");
        TestContext.write(elsewhere, "Build.dockerfile", "FROM scratch\nCOPY . /ctx/\n");
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--context", context.toString(),
                "--file", elsewhere.resolve("Build.dockerfile").toString(), "--repository", REPOSITORY, "--tag", "outside");
        assertEquals(0, result.exitCode(), result.toString());
        String container = docker("create", REPOSITORY + ":outside", "none").strip();
        try {
            String files = Commands.check(java.util.List.of("sh", "-c", "docker export " + container + " | tar -t"), null);
            assertTrue(files.contains("ctx/busybox"), files);
            assertFalse(files.contains(".dockerfile."), "the generated Dockerfile name leaked into the image: " + files);
        } finally {
            docker("rm", container);
        }
    }

    @Test
    void hardLinkedFiles_travelOnce_andTheImageHoldsTheSameLinkAsDockersBuild() throws Exception {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY . /ctx/\n");
        TestContext.write(context, "first.txt", "one file, two names\n");
        java.nio.file.Files.createLink(context.resolve("second.txt"), context.resolve("first.txt"));
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--context", context.toString(),
                "--repository", REPOSITORY, "--tag", "hard-links");
        assertEquals(0, result.exitCode(), result.toString());
        docker("build", "-q", "-t", REPOSITORY + ":hard-links-docker", context.toString());
        String dhpush = layerListing(REPOSITORY + ":hard-links");
        assertTrue(dhpush.contains("hrw-r--r-- ctx/second.txt link to ctx/first.txt"), dhpush);
        assertEquals(layerListing(REPOSITORY + ":hard-links-docker"), dhpush);
    }

    @Test
    void fifosAndDeviceNodes_travelAsTheDockerCliSendsThem_andASocketIsLeftOut_saidInANotice() throws Exception {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY . /ctx/\n");
        Commands.check(java.util.List.of("mkfifo", context.resolve("pipe").toString()), null);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Commands.check(java.util.List.of("mknod", context.resolve("null-device").toString(), "c", "1", "3"), null);
        }
        try (var socket = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            socket.bind(java.net.UnixDomainSocketAddress.of(context.resolve("agent.sock")));
            Commands.Result result = Dhpush.run(Map.of(), null, "build", "--context", context.toString(),
                    "--repository", REPOSITORY, "--tag", "special-files", "--progress", "plain");
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.stderr().contains("notice: build context: skipping \"agent.sock\": a socket cannot be sent"),
                    result.stderr());
            docker("build", "-q", "-t", REPOSITORY + ":special-files-docker", context.toString());
        }
        String dhpush = layerListing(REPOSITORY + ":special-files");
        assertTrue(dhpush.contains("prw-r--r-- ctx/pipe"), dhpush);
        if (root) {
            assertTrue(dhpush.contains("crw-r--r-- ctx/null-device"), dhpush);
            String container = docker("create", REPOSITORY + ":special-files", "none").strip();
            try {
                String device = Commands.check(java.util.List.of("sh", "-c", "docker export " + container + " | tar -tv | grep null-device"), null);
                assertTrue(device.contains(" 1,3 "), "the device numbers travel too: " + device);
            } finally {
                docker("rm", container);
            }
        }
        assertFalse(dhpush.contains("agent.sock"), dhpush);
        assertEquals(layerListing(REPOSITORY + ":special-files-docker"), dhpush);
    }

    /** The image's files under /ctx as {@code tar -tv} lists them, without owners, sizes and times. */
    private static String layerListing(String image) {
        String container = docker("create", image, "none").strip();
        try {
            return Commands.check(java.util.List.of("sh", "-c", "docker export " + container
                    + " | tar -tv | awk '$6 ~ /^ctx\\// {$2=$3=$4=$5=\"\"; print}' | tr -s ' ' | sort"), null);
        } finally {
            docker("rm", container);
        }
    }

    @Test
    void invalidTag_exits2_beforeTheEngineIsAsked() {
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--host", "unix:///nonexistent/docker.sock",
                "--repository", REPOSITORY, "--tag", "bad/tag");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("error: invalid tag \"bad/tag\": only letters, digits"), result.stderr());
    }

    @Test
    void invalidRepository_exits2_beforeTheEngineIsAsked() {
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--host", "unix:///nonexistent/docker.sock",
                "--repository", "Team/App", "--tag", "1");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("has uppercase letters"), result.stderr());
    }

    @Test
    void unreadableFile_exits2_namingIt_beforeTheEngineIsAsked() throws Exception {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY . /ctx/\n");
        TestContext.write(context, "private/secret.bin", "not for the image\n");
        java.nio.file.Files.setPosixFilePermissions(context.resolve("private/secret.bin"),
                java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        java.nio.file.Files.setPosixFilePermissions(context, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        java.nio.file.Files.setPosixFilePermissions(context.resolve("busybox"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        // The address is a dead socket: reaching it would be exit 3, so exit 2 proves the scan came first.
        Commands.Result result = Dhpush.runUnprivileged("build", "--context", context.toString(),
                "--host", "unix:///nonexistent/docker.sock", "--repository", REPOSITORY, "--tag", "unreadable");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("build context: cannot read \"private/secret.bin\" (permission denied); nothing was sent"),
                result.stderr());
    }

    @Test
    void noTagAnywhere_exits2_sayingHowToGiveOne() {
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--repository", REPOSITORY);
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("BITBUCKET_BUILD_NUMBER is not set"), result.stderr());
    }

    @Test
    void buildNumber_isTheDefaultTag_andDryRunChangesNothing() {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\n");
        Commands.Result result = Dhpush.run(Map.of("BITBUCKET_BUILD_NUMBER", "4711"), null, "build", "--dry-run",
                "--context", context.toString(), "--repository", REPOSITORY, "--host", "unix:///nonexistent/docker.sock");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("image:      " + REPOSITORY + ":4711"), result.stdout());
        assertTrue(result.stdout().contains("(2 files,"), "the Dockerfile, busybox and nothing else: " + result.stdout());
    }
}
