package dev.nsg.dhpush.failure;

/** Bad options, names or tags: found before any work is done. */
public class InvalidInputException extends DhpushException {

    public InvalidInputException(String message, String hint) {
        super(message, hint, null);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }
}
