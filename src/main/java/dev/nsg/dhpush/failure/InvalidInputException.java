package dev.nsg.dhpush.failure;

/** Bad options, names or tags, found before any work is done. */
public class InvalidInputException extends DhpushException {

    public InvalidInputException(String message, String hint, Throwable cause) {
        super(ExitCode.USAGE, message, hint, cause);
    }

    public InvalidInputException(String message, String hint) {
        this(message, hint, null);
    }
}
