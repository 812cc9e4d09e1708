package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

/**
 * How long to wait for an engine that is not there yet (connection refused, no socket file): a CI job's docker
 * service may still be starting when the job's script begins. Any other failure (TLS, a timeout, an engine that
 * answers wrongly) is not waited on.
 *
 * @param limit the longest wait, {@link Duration#ZERO} for none
 * @param listener told when the wait starts and while it goes on
 */
public record EngineWait(Duration limit, Listener listener) {

    /** Told about a wait, so it is visible. */
    public interface Listener {
        /** @param waited how long the engine has been waited for (zero when the wait starts) */
        void waiting(String address, Duration waited, Duration limit);

        /** The engine answered after a wait. */
        void answered(String address, Duration waited);
    }

    public static final EngineWait NONE = new EngineWait(Duration.ZERO, null);

    /** Whether a failure to connect means the engine is not up yet, rather than unusable. */
    static boolean notThereYet(IOException failure) {
        return failure instanceof ConnectException || failure instanceof NoSuchFileException
                || (failure instanceof SocketException && failure.getMessage() != null
                        && (failure.getMessage().contains("No such file") || failure.getMessage().contains("Connection refused")));
    }
}
