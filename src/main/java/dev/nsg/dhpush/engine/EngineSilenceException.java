package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.time.Duration;

/** The engine took the connection and then stayed silent past the limit: wedged, not merely slow. */
final class EngineSilenceException extends IOException {

    EngineSilenceException(Duration limit, Throwable cause) {
        super("it took the connection but sent no answer within " + limit.toSeconds() + " s", cause);
    }
}
