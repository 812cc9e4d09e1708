package dev.nsg.dhpush.cli;

import java.io.PrintWriter;

import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.failure.InvalidInputException;
import picocli.CommandLine.Option;

/** How results and progress are shown. */
class OutputOptions {

    enum Progress { auto, tty, plain }

    @Option(names = "--json", description = "Write one JSON event per line to stdout, for machines.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the pushed images, as registry/repository:tag@sha256:….")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress display: auto (live on a terminal, plain lines elsewhere), tty or plain.")
    Progress progress;

    PublishListener reporter(PrintWriter out, PrintWriter err) {
        if (json && quiet) {
            throw new InvalidInputException("--json and --quiet exclude each other", "choose one");
        }
        if (json) {
            return new JsonReporter(out);
        }
        if (quiet) {
            return new QuietReporter(out);
        }
        return new PlainReporter(out, err, live(), System.getenv("NO_COLOR") == null);
    }

    private boolean live() {
        return switch (progress) {
            case tty -> true;
            case plain -> false;
            case auto -> System.console() != null && System.getenv("CI") == null
                    && !"dumb".equals(System.getenv("TERM")) && System.getenv("TERM") != null;
        };
    }
}
