package dev.nsg.dhpush.failure;

/**
 * The process exit codes dhpush promises to scripts and pipelines. Listed in {@code --help} and the README;
 * a number never changes meaning once published.
 */
public enum ExitCode {
    OK(0, "success"),
    BUG(1, "an unexpected error (a bug: please report it with --debug output)"),
    USAGE(2, "usage error or invalid input (bad option, image name or tag)"),
    ENGINE_UNAVAILABLE(3, "Docker engine unreachable or too old"),
    BUILD_FAILED(4, "image build failed"),
    AUTH_REFUSED(5, "registry refused the credentials or the access"),
    PUSH_FAILED(6, "push failed"),
    VERIFICATION_FAILED(7, "verification failed: the registry does not serve the pushed digest"),
    REGISTRY_UNAVAILABLE(8, "registry unreachable or rate-limited after retries");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The "Exit codes" section of {@code --help}: code to meaning, in order. */
    public static java.util.Map<String, String> helpList() {
        java.util.Map<String, String> list = new java.util.LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.put(Integer.toString(exit.code), exit.meaning);
        }
        return list;
    }
}
