package dev.nsg.dhpush.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docker buildx, the reference for what BuildKit builds from a context: Debian trixie's docker-buildx plugin, unpacked
 * beside the newer engines (src/test/harness/engines.sh exports DHPUSH_BUILDX). It runs with a DOCKER_CONFIG of its
 * own, so the docker CLI the other tests compare against never gains it.
 */
public final class Buildx {

    private static final String VARIABLE = "DHPUSH_BUILDX";
    private static final String UNPACKED = "usr/libexec/docker/cli-plugins/docker-buildx";

    private Buildx() {
    }

    static Optional<Path> plugin() {
        return TrixieTools.find(VARIABLE, UNPACKED);
    }

    /** Skips the comparison, saying why, where buildx is not there (the pipeline's test step has only the docker service). */
    public static void require() {
        TrixieTools.require("docker-buildx", VARIABLE, UNPACKED, "the comparison with buildx is skipped");
    }

    /** {@code docker buildx build --load -t TAG [extra] CONTEXT} on the engine under test. */
    public static Commands.Result build(Path context, String tag, String... extra) {
        Path config = configWithPlugin();
        List<String> command = new ArrayList<>(List.of("docker", "buildx", "build", "--progress", "plain", "--load", "-t", tag));
        command.addAll(List.of(extra));
        command.add(context.toString());
        return Commands.run(command, Map.of("DOCKER_CONFIG", config.toString()), null, null, 600);
    }

    private static Path configWithPlugin() {
        try {
            Path config = Files.createTempDirectory("dhpush-buildx-config-");
            Path plugins = Files.createDirectories(config.resolve("cli-plugins"));
            Files.createSymbolicLink(plugins.resolve("docker-buildx"), plugin().orElseThrow());
            return config;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
