package dev.nsg.dhpush.failure;

/** The registry does not serve the pushed digest under the tag. */
public class VerificationFailedException extends DhpushException {

    public VerificationFailedException(String message, String hint, Throwable cause) {
        super(ExitCode.VERIFICATION_FAILED, message, hint, cause);
    }

    public VerificationFailedException(String message, String hint) {
        this(message, hint, null);
    }
}
