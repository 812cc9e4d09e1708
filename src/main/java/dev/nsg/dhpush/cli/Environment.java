package dev.nsg.dhpush.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.app.PipelineRun;
import dev.nsg.dhpush.app.SourceInfo;

/**
 * The process environment as dhpush reads it, captured once per run: the variables the README lists and the home
 * directory. The rest of the command line asks this, never {@code System.getenv} or {@code user.home}; the layers
 * below get values, not variable names. (The registry's retry settings come through the config mapping.)
 */
record Environment(Map<String, String> variables, Path home) {

    static final String USER = "DOCKER_HUB_USER";
    static final String KEY = "DOCKER_HUB_KEY";

    static Environment current() {
        return new Environment(Map.copyOf(System.getenv()), Path.of(System.getProperty("user.home")));
    }

    /** A variable's value, or null when it is unset or blank. */
    String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A variable's value as set, even when empty (build args take empty values). */
    String raw(String name) {
        return variables.get(name);
    }

    String registryUser() {
        return get(USER);
    }

    String registryKey() {
        return variables.get(KEY);
    }

    String buildNumber() {
        return get("BITBUCKET_BUILD_NUMBER");
    }

    String dockerHost() {
        return get("DOCKER_HOST");
    }

    /** DOCKER_TLS_VERIFY as the docker CLI reads it: set and not empty, and not "0". */
    boolean engineTls() {
        String value = variables.get("DOCKER_TLS_VERIFY");
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    Path engineCertificates() {
        String path = get("DOCKER_CERT_PATH");
        return path != null ? Path.of(path) : home.resolve(".docker");
    }

    /** Where config.json lives: DOCKER_CONFIG, else ~/.docker. */
    Path dockerConfigDirectory() {
        String path = get("DOCKER_CONFIG");
        return path != null ? Path.of(path) : home.resolve(".docker");
    }

    /** Where docker keeps per-registry CA certificates for its client: ~/.docker/certs.d. */
    /**
     * Where docker keeps per-registry CAs and client certificates: the user's (~/.docker/certs.d), then the daemon's
     * (/etc/docker/certs.d, or DHPUSH_SYSTEM_CERTS_D where a test or an unusual layout puts it elsewhere).
     */
    List<Path> certsDirectories() {
        String system = get("DHPUSH_SYSTEM_CERTS_D");
        return List.of(home.resolve(".docker").resolve("certs.d"), Path.of(system != null ? system : "/etc/docker/certs.d"));
    }

    /** Where dhpush keeps what outlives a run: $XDG_CONFIG_HOME/dhpush, else ~/.config/dhpush. */
    Path stateDirectory() {
        String xdg = get("XDG_CONFIG_HOME");
        return (xdg != null ? Path.of(xdg) : home.resolve(".config")).resolve("dhpush");
    }

    /** The pipeline's word on the source being built: Bitbucket's commit and origin, and SOURCE_DATE_EPOCH. */
    SourceInfo source() {
        return new SourceInfo(get("BITBUCKET_COMMIT"), get("BITBUCKET_GIT_HTTP_ORIGIN"), get("SOURCE_DATE_EPOCH"));
    }

    /** Bitbucket's build number, pipeline and step, for the provenance of a signed publish. */
    PipelineRun pipelineRun() {
        return new PipelineRun(buildNumber(), get("BITBUCKET_PIPELINE_UUID"), get("BITBUCKET_STEP_UUID"));
    }

    /** Whether this runs in CI: the CI variable set, as Bitbucket Pipelines and most CI services set it. */
    boolean ci() {
        return variables.containsKey("CI");
    }

    boolean noColor() {
        return variables.containsKey("NO_COLOR");
    }

    /** Whether progress may be drawn live: not in CI, and on a terminal that can move the cursor. */
    boolean liveTerminal(boolean console) {
        String term = get("TERM");
        return console && !ci() && term != null && !term.equals("dumb");
    }
}
