package dev.nsg.dhpush.cli;

import static dev.nsg.dhpush.testing.LocalEngine.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.testing.Buildx;
import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.ImageLayers;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.TestContext;

/**
 * The image dhpush builds through BuildKit equals the one docker buildx builds from the same Dockerfile, context and
 * labels: every layer entry (name, type, mode, owner, link target, content) and the config a container runs with.
 */
@Tag(EngineMatrix.TAG)
class BuildKitLayersIT {

    private static final String REPOSITORY = "dhpush-it/buildkit-layers";
    private static final List<String> CONFIG_FIELDS = List.of("Env", "Cmd", "Entrypoint", "User", "WorkingDir", "ExposedPorts", "Labels");

    @BeforeAll
    static void engine() {
        LocalEngine.require();
        Buildx.require();
    }

    @AfterAll
    static void cleanUp() {
        LocalEngine.removeImages(REPOSITORY + ":dhpush", REPOSITORY + ":buildx");
    }

    /** The edge cases of a context: a re-included file, symlinks, a hard link, an empty directory, an executable, odd names. */
    private static Path edgeCaseContext() throws IOException {
        Path context = TestContext.withBusybox("""
                FROM scratch
                COPY busybox /bin/busybox
                COPY . /ctx/
                COPY ["with space.txt", "/single file"]
                ENV APP_HOME=/ctx PATH=/bin
                WORKDIR /ctx
                USER 10001:10001
                EXPOSE 8000/tcp
                CMD ["/bin/busybox", "sh", "-c", "ls"]
                """);
        TestContext.write(context, ".dockerignore", "logs\n!logs/keep.log\n*.secret\n");
        TestContext.write(context, "logs/drop.log", "dropped\n");
        TestContext.write(context, "logs/keep.log", "kept\n");
        TestContext.write(context, "token.secret", "never sent\n");
        TestContext.write(context, "with space.txt", "space\n");
        TestContext.write(context, "zürich/ünïcödé.txt", "utf-8 names\n");
        TestContext.write(context, "bin/run.sh", "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(context.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createDirectories(context.resolve("empty/dir"));
        Files.createSymbolicLink(context.resolve("link-to-run"), Path.of("bin/run.sh"));
        Files.createSymbolicLink(context.resolve("dangling"), Path.of("/nowhere/at/all"));
        Files.createLink(context.resolve("hard-link.txt"), context.resolve("with space.txt"));
        return context;
    }

    @Test
    void layersAndConfig_equalBuildxs_forAnEdgeCaseContext() throws Exception {
        Path context = edgeCaseContext();
        Commands.Result dhpush = Dhpush.run(Map.of("SOURCE_DATE_EPOCH", "1700000000"), null, "build", "--builder", "buildkit",
                "--context", context.toString(), "--repository", REPOSITORY, "--tag", "dhpush", "--no-cache", "--progress", "plain");
        assertEquals(0, dhpush.exitCode(), dhpush.toString());
        JsonNode dhpushConfig = config(REPOSITORY + ":dhpush");

        List<String> labels = new ArrayList<>();
        dhpushConfig.path("Labels").fields().forEachRemaining(label -> {
            labels.add("--label");
            labels.add(label.getKey() + "=" + label.getValue().asText());
        });
        labels.add("--no-cache");
        Commands.Result buildx = Buildx.build(context, REPOSITORY + ":buildx", labels.toArray(String[]::new));
        assertEquals(0, buildx.exitCode(), buildx.toString());

        List<String> dhpushLayers = ImageLayers.of(REPOSITORY + ":dhpush");
        assertEquals(ImageLayers.of(REPOSITORY + ":buildx"), dhpushLayers);
        assertFalse(dhpushLayers.stream().anyMatch(line -> line.contains("token.secret") || line.contains("drop.log")),
                "an excluded file is in the image: " + dhpushLayers);
        JsonNode buildxConfig = config(REPOSITORY + ":buildx");
        for (String field : CONFIG_FIELDS) {
            assertEquals(buildxConfig.path(field), dhpushConfig.path(field), field);
        }
    }

    private static JsonNode config(String image) throws IOException {
        return new ObjectMapper().readTree(docker("image", "inspect", "--format", "{{json .Config}}", image));
    }
}
