package dev.nsg.dhpush.cli;

import java.io.PrintWriter;

import dev.nsg.dhpush.app.PublishListener;
import picocli.CommandLine.Option;

/** How results and progress are shown. */
class OutputOptions {

    enum Progress { auto, tty, plain }

    @Option(names = "--json", description = "Write one JSON event per line to stdout, for machines.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the results: the pushed images as registry/repository:tag@sha256:…; for build, the image ID"
                    + " (as docker build -q).")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress display: auto (live on a terminal, plain lines elsewhere), tty or plain.")
    Progress progress;

    PublishListener reporter(PrintWriter out, PrintWriter err, Environment environment) {
        checkOneForm();
        if (json) {
            return new JsonReporter(out);
        }
        if (quiet) {
            return new QuietReporter(out);
        }
        return new PlainReporter(out, err, live(environment), !environment.noColor());
    }

    /** --json and --quiet each replace the plain output: asking for both is a usage error. */
    void checkOneForm() {
        if (json && quiet) {
            throw new UsageFailure("--json and --quiet exclude each other", "choose one");
        }
    }

    private boolean live(Environment environment) {
        return switch (progress) {
            case tty -> true;
            case plain -> false;
            case auto -> environment.liveTerminal(System.console() != null);
        };
    }
}
