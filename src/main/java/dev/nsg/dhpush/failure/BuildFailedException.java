package dev.nsg.dhpush.failure;

/** The engine reported a failed image build. */
public class BuildFailedException extends DhpushException {

    public BuildFailedException(String message, String hint, Throwable cause) {
        super(ExitCode.BUILD_FAILED, message, hint, cause);
    }

    public BuildFailedException(String message, String hint) {
        this(message, hint, null);
    }
}
