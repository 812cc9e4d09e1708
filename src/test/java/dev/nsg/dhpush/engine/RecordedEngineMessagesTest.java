package dev.nsg.dhpush.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.context.BuildContext;
import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.EngineUnavailableException;
import dev.nsg.dhpush.failure.ExitCode;
import dev.nsg.dhpush.failure.PushFailedException;
import dev.nsg.dhpush.failure.RegistryUnavailableException;

/**
 * What engines say when a build or push fails, as recorded from Docker 20.10's classic builder and as Bitbucket's docker
 * service and Docker Hub word it, classified by form into the failure kinds the hints are written from.
 */
class RecordedEngineMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EngineProgress SILENT = new EngineProgress() {
    };

    @TempDir
    Path dir;

    private BuildStream stream() {
        return new BuildStream("team/app:1", dir.resolve("Dockerfile"), SILENT);
    }

    private static ByteArrayInputStream lines(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String errorLine(String message) throws Exception {
        return JSON.writeValueAsString(Map.of("errorDetail", Map.of("message", message), "error", message));
    }

    @Test
    void aBuildKitFlagTheParserDoesNotKnow_isBuildKitOnly_withItsLine() {
        BuildFailedException failure = stream().refused("dockerfile parse error line 2: Unknown flag: link");
        assertEquals(BuildFailedException.Reason.BUILDKIT_ONLY, failure.reason());
        assertEquals("--link", failure.detail());
        assertEquals(2, failure.line());
    }

    @Test
    void aBuildKitOptionRefusedInTheStream_isBuildKitOnly() throws Exception {
        BuildFailedException failure = assertThrows(BuildFailedException.class, () -> stream().read(lines(
                "{\"stream\":\"Step 2/2 : RUN --mount=type=cache,target=/x true\\n\"}",
                errorLine("the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build"
                        + " images with BuildKit enabled")), JSON));
        assertEquals(BuildFailedException.Reason.BUILDKIT_ONLY, failure.reason());
        assertEquals("--mount", failure.detail());
    }

    @Test
    void anUnknownInstruction_isStillADockerfileError() {
        assertEquals(BuildFailedException.Reason.DOCKERFILE, stream().refused("dockerfile parse error line 3: unknown instruction: FOO").reason());
    }

    /** Docker 26.1 on the containerd image store pushes through containerd, which relays the status and no code. */
    @Test
    void theContainerdStoresPushFailures_areReadByTheirStatus() {
        PushStream push = new PushStream("127.0.0.1:5000/team/app:1", "1", SILENT);
        String prefix = "failed commit on ref \"manifest-sha256:42f4\": unexpected status from PUT request to"
                + " http://127.0.0.1:5000/v2/team/app/manifests/1: ";
        assertEquals("TOOMANYREQUESTS", push.failure(prefix + "429").registryCode());
        assertEquals("DENIED", push.failure(prefix + "403 Forbidden").registryCode());
        assertEquals(PushFailedException.Reason.ENGINE_ERROR, push.failure(prefix + "400 Bad Request").reason());
        assertEquals(PushFailedException.Reason.REGISTRY_UNREACHABLE, push.failure(prefix + "503 Service Unavailable").reason());
    }

    /** Docker 26.1 (and every engine from 23 on) words it differently; seen first in the engine matrix. */
    @Test
    void aNewerEnginesParseError_isADockerfileError_atItsLine() {
        BuildFailedException failure = stream().refused("dockerfile parse error on line 4: unknown instruction: FROOM (did you mean FROM?)");
        assertEquals(BuildFailedException.Reason.DOCKERFILE, failure.reason());
        assertEquals(4, failure.line());
        assertTrue(failure.getMessage().endsWith(" line 4: unknown instruction: FROOM (did you mean FROM?)"), failure.getMessage());
    }

    @Test
    void bitbucketsDockerServiceRefusing_isAPolicyRefusal_namingThePlugin() {
        BuildFailedException failure = stream().refused("authorization denied by plugin pipelines: --network=host is not allowed");
        assertEquals(BuildFailedException.Reason.ENGINE_POLICY, failure.reason());
        assertEquals("pipelines", failure.detail());
        assertTrue(failure.getMessage().contains("--network=host is not allowed"), failure.getMessage());
        PushFailedException push = new PushStream("team/app:1", "1", SILENT)
                .failure("authorization denied by plugin pipelines: pushing to this registry is not allowed");
        assertEquals(PushFailedException.Reason.ENGINE_POLICY, push.reason());
    }

    @Test
    void aBaseImagePullRateLimited_isTheRegistry_exit8() throws Exception {
        RegistryUnavailableException failure = assertThrows(RegistryUnavailableException.class, () -> stream().read(lines(
                "{\"stream\":\"Step 1/2 : FROM python:3.11-slim\\n\"}",
                errorLine("toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating"
                        + " and upgrading: https://www.docker.com/increase-rate-limit")), JSON));
        assertEquals(RegistryUnavailableException.Reason.RATE_LIMITED, failure.reason());
        assertEquals(ExitCode.REGISTRY_UNAVAILABLE, failure.exitCode());
    }

    @Test
    void anEngineThatHangsUpMidBuild_isDropped_notUnreachable() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        BuildContext context = BuildContext.scan(dir, null);
        String ping = "HTTP/1.1 200 OK\r\nAPI-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK";
        String halfABuild = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1f\r\n{\"stream\":\"Step 1/2 : FROM s\"}\n\r\n"; // then the connection closes inside the stream
        try (LoopbackEngine engine = LoopbackEngine.answeringInTurn(List.of(
                request -> ping.getBytes(StandardCharsets.UTF_8), request -> halfABuild.getBytes(StandardCharsets.UTF_8)))) {
            HttpDockerEngine client = new HttpDockerEngine(EngineAddress.parse("unix://" + engine.connector().socketPath()),
                    new EngineHttp(engine.connector(), "dhpush/test"), JSON, EngineWait.NONE);
            EngineUnavailableException failure = assertThrows(EngineUnavailableException.class,
                    () -> client.build(new BuildRequest(context, List.of("team/app:1"), Map.of(), Map.of(), BuildFlags.DEFAULTS, null), SILENT));
            assertEquals(EngineUnavailableException.Reason.DROPPED, failure.reason());
        }
    }
}
