package dev.nsg.dhpush.failure;

/**
 * The one base of every failure dhpush reports to its user. The message reads {@code <action> <image>: <reason>};
 * the optional hint says what to do about it. Messages never carry a secret: they are printed as they are.
 */
public abstract class DhpushException extends RuntimeException {

    private final String hint;

    protected DhpushException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public abstract ExitCode exitCode();

    /** One line telling the user what to check or do, or {@code null}. */
    public String hint() {
        return hint;
    }
}
