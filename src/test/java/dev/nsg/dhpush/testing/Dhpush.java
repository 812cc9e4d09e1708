package dev.nsg.dhpush.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged dhpush as a separate process (the native executable when one was built, else the jar through
 * its launcher, src/scripts/dhpush), with an environment of the test's choosing: the way the pipeline and a user
 * run it.
 */
public final class Dhpush {

    private static final Path NATIVE = Path.of("target", "dhpush");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LAUNCHER = Path.of("src", "scripts", "dhpush");
    /** Variables that would leak the developer's own setup into a test. */
    private static final List<String> SCRUBBED = List.of("DOCKER_HUB_USER", "DOCKER_HUB_KEY", "BITBUCKET_BUILD_NUMBER",
            "BITBUCKET_COMMIT", "BITBUCKET_GIT_HTTP_ORIGIN", "BITBUCKET_TAG", "DOCKER_CONFIG", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
            "DHPUSH_JAVA_OPTS", "DHPUSH_APP_DIR", "DHPUSH_RECORD_STARTUP_ARCHIVE", "SOURCE_DATE_EPOCH", "CI", "DHPUSH_SIGN_KEY",
            "COSIGN_PASSWORD", "BITBUCKET_PIPELINE_UUID", "BITBUCKET_STEP_UUID");
    /**
     * The builder a test gets unless it says otherwise: the suites written before BuildKit test the classic builder's
     * contract on every engine (auto would take BuildKit on Docker 26.1); the BuildKit suites ask for it by name.
     */
    public static final String DEFAULT_BUILDER = "classic";

    private Dhpush() {
    }

    public static Commands.Result run(Map<String, String> environment, byte[] stdin, String... arguments) {
        return run(List.of(), null, environment, stdin, arguments);
    }

    /** In {@code directory}, as a user runs it in a project's directory. */
    public static Commands.Result runIn(Path directory, Map<String, String> environment, String... arguments) {
        return run(List.of(), directory, environment, null, arguments);
    }

    /**
     * As an unprivileged user (nobody, through util-linux's setpriv) when the tests run as root, for the cases root
     * never meets: an unreadable file is readable to root.
     */
    public static Commands.Result runUnprivileged(String... arguments) {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> prefix = root ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of();
        return run(prefix, null, Map.of(), null, arguments);
    }

    /** The command that starts dhpush: the native executable or the launcher, by absolute path. */
    public static List<String> command() {
        List<String> command = new ArrayList<>();
        String runtime = System.getenv("DHPUSH_TEST_RUNTIME") != null ? System.getenv("DHPUSH_TEST_RUNTIME") : System.getProperty("dhpush.runtime");
        if ("native".equals(runtime)) {
            if (!Files.isExecutable(NATIVE)) {
                throw new AssertionError(NATIVE + " is missing: build it with ./mvnw package -Dnative");
            }
            command.add(NATIVE.toAbsolutePath().toString());
        } else {
            if (!Files.isRegularFile(JAR)) {
                throw new AssertionError(JAR + " is missing: integration tests run after ./mvnw package (./mvnw verify)");
            }
            command.add(LAUNCHER.toAbsolutePath().toString());
        }
        return command;
    }

    /** The environment dhpush runs with: the test's own variables, never the developer's registry setup. */
    public static Map<String, String> environment(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>();
        SCRUBBED.forEach(name -> env.put(name, null));
        env.put("JAVA_HOME", System.getProperty("java.home")); // the launcher runs the JVM the tests run on
        env.put("DOCKER_CONFIG", emptyConfigDir().toString());
        env.put("DHPUSH_BUILDER", DEFAULT_BUILDER);
        env.putAll(environment);
        return env;
    }

    /**
     * A process of {@code command} (dhpush's, behind what the test puts before it) with dhpush's test environment, for
     * tests that read its output as it comes or signal it.
     */
    public static ProcessBuilder processBuilder(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        environment(environment).forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder;
    }

    private static Commands.Result run(List<String> prefix, Path directory, Map<String, String> environment, byte[] stdin,
            String... arguments) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(command());
        command.addAll(List.of(arguments));
        return Commands.run(command, environment(environment), directory, stdin, 900);
    }

    public static Commands.Result run(String... arguments) {
        return run(Map.of(), null, arguments);
    }

    private static Path emptyConfigDir() {
        try {
            return Files.createTempDirectory("dhpush-docker-config-");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
