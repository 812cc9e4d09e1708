package dev.nsg.dhpush.failure;

/** The registry does not serve what was expected: another digest, no such tag or repository, or tags that differ. */
public class VerificationFailedException extends DhpushException {

    public enum Reason { TAG_ABSENT, OTHER_DIGEST, TAGS_DIFFER, NO_SUCH_REPOSITORY, UNSIGNED, OTHER_SIGNER, NO_PROVENANCE }

    private final Reason reason;

    public VerificationFailedException(Reason reason, String message) {
        super(ExitCode.VERIFICATION_FAILED, message, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
