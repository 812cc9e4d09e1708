package dev.nsg.dhpush.failure;

/** Bad options, names, tags or files, found before any work is done. */
public class InvalidInputException extends DhpushException {

    /** What was wrong, so the command line can say how to put it right. */
    public enum Problem {
        TAG, REPOSITORY, REGISTRY, DIGEST, BUILD_CONTEXT, DOCKERFILE, DOCKERIGNORE, UNREADABLE_FILE, REGISTRY_CA,
        ENGINE_ADDRESS, ENGINE_CERTIFICATES, PASSWORD_INPUT, DOCKER_CONFIG, NO_REPOSITORY, NO_NAMESPACE,
        PROJECT_SETTINGS, IMAGE_NOT_BUILT, OPTIONS, BUILDKIT_NEEDED, BUILD_SECRET, SIGNING_KEY, SIGNING_KEY_PASSWORD,
        VERIFY_KEY
    }

    private final Problem problem;
    private final String value;

    /**
     * @param value the input as the user gave it (a tag, a path, an image name), for the hint; null when none
     */
    public InvalidInputException(Problem problem, String value, String message, Throwable cause) {
        super(ExitCode.USAGE, message, cause);
        this.problem = problem;
        this.value = value;
    }

    public InvalidInputException(Problem problem, String value, String message) {
        this(problem, value, message, null);
    }

    public Problem problem() {
        return problem;
    }

    public String value() {
        return value;
    }
}
