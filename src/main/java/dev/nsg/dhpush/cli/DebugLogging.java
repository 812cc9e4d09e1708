package dev.nsg.dhpush.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** --debug: dhpush's own categories down to DEBUG, on stderr like every log line. */
final class DebugLogging {

    private DebugLogging() {
    }

    static void apply(Object debug) {
        if (Boolean.TRUE.equals(debug)) {
            Logger logger = Logger.getLogger("dev.nsg.dhpush");
            logger.setLevel(Level.FINE);
            Logger root = Logger.getLogger("");
            for (var handler : root.getHandlers()) {
                handler.setLevel(Level.FINE);
            }
        }
    }
}
