package dev.nsg.dhpush.failure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process exit codes dhpush promises to scripts and pipelines. Listed in {@code --help} and the README;
 * a number never changes meaning once published.
 */
public enum ExitCode {
    OK(0, "success"),
    BUG(1, "an unexpected error (a bug: please report it with --debug output)"),
    USAGE(2, "usage error or invalid input (bad option, image name or tag, a tag never built); nothing was done"),
    ENGINE_UNAVAILABLE(3, "Docker engine unreachable or too old"),
    BUILD_FAILED(4, "image build failed"),
    AUTH_REFUSED(5, "registry refused the credentials or the access (push access is proven before the build)"),
    PUSH_FAILED(6, "push failed"),
    VERIFICATION_FAILED(7, "verification failed: the registry does not serve the expected digest, the tags differ,"
            + " the tag or repository does not exist, or (verify --key) no signature of the digest verifies with the key"),
    REGISTRY_UNAVAILABLE(8, "registry unreachable or rate-limited after retries"),
    TAG_WOULD_MOVE(9, "a tag already holds another image and overwriting was refused; nothing was pushed"),
    INTERRUPTED(130, "interrupted (Ctrl-C)");

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
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.put(Integer.toString(exit.code), exit.meaning);
        }
        return list;
    }
}
