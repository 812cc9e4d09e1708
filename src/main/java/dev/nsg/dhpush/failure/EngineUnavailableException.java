package dev.nsg.dhpush.failure;

/** The Docker engine cannot be reached, or speaks too old an API. */
public class EngineUnavailableException extends DhpushException {

    public EngineUnavailableException(String message, String hint, Throwable cause) {
        super(ExitCode.ENGINE_UNAVAILABLE, message, hint, cause);
    }

    public EngineUnavailableException(String message, String hint) {
        this(message, hint, null);
    }
}
