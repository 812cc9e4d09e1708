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
            if (answers) {
                System.out.println("engine under test: " + describe());
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

    private static String description;

    /** Whether a test of this JVM asked for the engine and found it. */
    static synchronized boolean asked() {
        return Boolean.TRUE.equals(answers);
    }

    /**
     * The engine the tests run on, as failures name it: {@code Docker 26.1.5+dfsg1 (API 1.45, containerd image store)
     * at unix:///…}. The test runs repeat on several engines (DOCKER_HOST), and a failure must say which.
     */
    public static synchronized String describe() {
        if (description == null) {
            Commands.Result version = Commands.run(List.of("docker", "version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}"),
                    Map.of(), null, null, 30);
            if (version.exitCode() != 0) {
                return "no engine at " + address();
            }
            String[] words = version.stdout().strip().split(" ");
            description = "Docker " + words[0] + " (API " + words[1] + ", " + (usesContainerdStore() ? "containerd" : "classic")
                    + " image store) at " + address();
        }
        return description;
    }

    /** The engine's API version, as it reports it. */
    public static String apiVersion() {
        return docker("version", "--format", "{{.Server.APIVersion}}").strip();
    }

    /**
     * Whether images live in containerd's store ("features": {"containerd-snapshotter": true}): pushes may publish an
     * OCI manifest or index, and the image ID is the manifest's digest.
     */
    public static boolean usesContainerdStore() {
        return docker("info", "--format", "{{json .DriverStatus}}").contains("io.containerd.snapshotter");
    }

    private static String address() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isEmpty() ? "unix:///var/run/docker.sock" : host;
    }

    /** The docker CLI, the reference the tests compare dhpush against. */
    public static String docker(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return Commands.check(command, null);
    }

    /** The ID of the image the engine has under {@code name}. */
    public static String imageId(String name) {
        return docker("image", "inspect", "--format", "{{.Id}}", name).strip();
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

    /**
     * Removes every tag the engine holds under {@code registry} (host:port): what the tests pushed to a throwaway
     * registry, which is gone once the test class ends. Quiet where no engine answers (tests without one).
     */
    public static void removeTagsUnder(String registry) {
        Commands.Result listed = Commands.run(List.of("docker", "image", "ls", "--format", "{{.Repository}}:{{.Tag}}"), null, null, null, 60);
        if (listed.exitCode() != 0) {
            return;
        }
        String[] names = listed.stdout().lines().filter(name -> name.startsWith(registry + "/") && !name.endsWith(":<none>"))
                .toArray(String[]::new);
        if (names.length > 0) {
            removeImages(names);
        }
    }
}
