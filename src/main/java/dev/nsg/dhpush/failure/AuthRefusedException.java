package dev.nsg.dhpush.failure;

/** The registry refused the credentials, or the access they grant. */
public class AuthRefusedException extends DhpushException {

    public AuthRefusedException(String message, String hint, Throwable cause) {
        super(ExitCode.AUTH_REFUSED, message, hint, cause);
    }

    public AuthRefusedException(String message, String hint) {
        this(message, hint, null);
    }
}
