package dev.nsg.dhpush.failure;

/** The engine reported a failed push for a reason other than authentication. */
public class PushFailedException extends DhpushException {

    public PushFailedException(String message, String hint, Throwable cause) {
        super(ExitCode.PUSH_FAILED, message, hint, cause);
    }

    public PushFailedException(String message, String hint) {
        this(message, hint, null);
    }
}
