package dev.nsg.dhpush.failure;

/**
 * The one base of every failure dhpush reports to its user; each subclass is one failure kind with its exit code
 * and the facts the command line needs to say what to do about it. The message reads
 * {@code <action> <image>: <reason>}; the {@code hint:} line is written by the command line from the facts, never
 * here. Messages never carry a secret: they are printed as they are.
 */
public abstract class DhpushException extends RuntimeException {

    private final ExitCode exitCode;

    protected DhpushException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public final ExitCode exitCode() {
        return exitCode;
    }
}
