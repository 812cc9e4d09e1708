package dev.nsg.dhpush.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine.ParseResult;

/** --debug: dhpush's own categories down to DEBUG, on stderr like every log line. */
final class DebugLogging {

    private DebugLogging() {
    }

    /** Applied once, before any command runs: --debug is declared on the root and inherited by every subcommand. */
    static void apply(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                Logger.getLogger("dev.nsg.dhpush").setLevel(Level.FINE);
                for (var handler : Logger.getLogger("").getHandlers()) {
                    handler.setLevel(Level.FINE);
                }
                return;
            }
        }
    }
}
