package dev.nsg.dhpush.testing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine the integration tests run against. A missing engine fails the test with what to install;
 * only DHPUSH_TESTS_WITHOUT_ENGINE=1 (documented in the README) turns that into a visible skip.
 */
public final class LocalEngine {

    public static final String OPT_OUT = "DHPUSH_TESTS_WITHOUT_ENGINE";
    private static Boolean answers;

    private LocalEngine() {
    }

    public static synchronized void require() {
        if (answers == null) {
            try {
                answers = Commands.run(List.of("docker", "version", "--format", "{{.Server.APIVersion}}"), Map.of(), null, null, 30)
                        .exitCode() == 0;
            } catch (AssertionError noDockerCli) {
                answers = false; // no docker CLI at all (the pipeline's native step): the same as no engine
            }
        }
        if (answers) {
            return;
        }
        if ("1".equals(System.getenv(OPT_OUT))) {
            Assumptions.abort(OPT_OUT + "=1: skipped, this test needs a Docker engine");
        }
        throw new AssertionError("no Docker engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                + "): install one (Debian: apt-get install docker.io) and start dockerd, or run src/scripts/test, which does both;"
                + " set " + OPT_OUT + "=1 to skip the engine tests instead");
    }

    /** The docker CLI, the reference the tests compare dhpush against. */
    public static String docker(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return Commands.check(command, null);
    }

    /** The classic builder, as dhpush uses it: BuildKit would build the same context by different rules. */
    public static Commands.Result dockerBuild(String tag, java.nio.file.Path context) {
        return Commands.run(List.of("docker", "build", "-q", "-t", tag, context.toString()),
                Map.of("DOCKER_BUILDKIT", "0"), null, null, 600);
    }

    public static void removeImages(String... names) {
        List<String> command = new java.util.ArrayList<>(List.of("docker", "rmi", "-f"));
        command.addAll(List.of(names));
        Commands.run(command, null, null, null, 60);
    }
}
