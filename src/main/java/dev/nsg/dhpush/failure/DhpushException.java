package dev.nsg.dhpush.failure;

/**
 * The one base of every failure dhpush reports to its user; each subclass is one failure kind with its exit code.
 * The message reads {@code <action> <image>: <reason>}; the optional hint says what to do about it. Messages never
 * carry a secret: they are printed as they are.
 */
public abstract class DhpushException extends RuntimeException {

    private final ExitCode exitCode;
    private final String hint;

    protected DhpushException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public final ExitCode exitCode() {
        return exitCode;
    }

    /** One line telling the user what to check or do, or {@code null}. */
    public final String hint() {
        return hint;
    }
}
