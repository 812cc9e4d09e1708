package dev.nsg.dhpush.failure;

/** The Docker engine cannot be reached, does not speak the Engine API, or speaks too old a version of it. */
public class EngineUnavailableException extends DhpushException {

    /**
     * DROPPED: the engine hung up in the middle of a build or push (out of memory, restarted). SILENT: it took the
     * connection and never answered (wedged).
     */
    public enum Reason { UNREACHABLE, SILENT, DROPPED, TOO_OLD, NOT_AN_ENGINE, ENGINE_ERROR }

    private final Reason reason;
    private final String address;
    private final boolean unixSocket;

    /**
     * @param address the engine address as dhpush reached for it ({@code unix:///var/run/docker.sock})
     */
    public EngineUnavailableException(Reason reason, String address, boolean unixSocket, String message, Throwable cause) {
        super(ExitCode.ENGINE_UNAVAILABLE, message, cause);
        this.reason = reason;
        this.address = address;
        this.unixSocket = unixSocket;
    }

    public Reason reason() {
        return reason;
    }

    public String address() {
        return address;
    }

    public boolean unixSocket() {
        return unixSocket;
    }
}
