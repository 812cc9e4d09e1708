package dev.nsg.dhpush.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine.Model.CommandSpec;

/** --debug: dhpush's own categories down to DEBUG, on stderr like every log line. */
final class DebugLogging {

    private DebugLogging() {
    }

    /** Applies --debug, declared once on the root command and inherited by every subcommand. */
    static void apply(CommandSpec spec) {
        if (Boolean.TRUE.equals(spec.root().findOption("--debug").getValue())) {
            Logger logger = Logger.getLogger("dev.nsg.dhpush");
            logger.setLevel(Level.FINE);
            Logger root = Logger.getLogger("");
            for (var handler : root.getHandlers()) {
                handler.setLevel(Level.FINE);
            }
        }
    }
}
