package dev.nsg.dhpush.failure;

/** The registry stayed unreachable or rate-limited after the bounded retries. */
public class RegistryUnavailableException extends DhpushException {

    public RegistryUnavailableException(String message, String hint, Throwable cause) {
        super(ExitCode.REGISTRY_UNAVAILABLE, message, hint, cause);
    }

    public RegistryUnavailableException(String message, String hint) {
        this(message, hint, null);
    }
}
