package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.nsg.dhpush.app.LocalChanges;
import dev.nsg.dhpush.failure.ExitCode;
import picocli.CommandLine;

/**
 * Ctrl-C (SIGINT) makes the JVM run its shutdown hooks and exit 130. This hook lets local re-tagging finish, then says
 * so in one line ({@code interrupted}, and an {@code error} event with {@code --json}); a run that ended on its own
 * says nothing here. An interrupted build is cancelled by the engine when the connection drops.
 */
final class InterruptReporter {

    private static final Duration LOCAL_CHANGES_LIMIT = Duration.ofSeconds(10);

    private final AtomicBoolean finished = new AtomicBoolean();

    void install(CommandLine commandLine) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> report(commandLine), "dhpush-interrupted"));
    }

    void finished() {
        finished.set(true);
    }

    private void report(CommandLine commandLine) {
        if (finished.get()) {
            return;
        }
        LocalChanges.awaitQuiet(LOCAL_CHANGES_LIMIT);
        PrintWriter err = commandLine.getErr();
        err.println("interrupted");
        err.flush();
        if (jsonRequested(commandLine)) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", "error");
            event.put("exitCode", ExitCode.INTERRUPTED.code());
            event.put("message", "interrupted");
            commandLine.getOut().println(JsonLine.of(event));
            commandLine.getOut().flush();
        }
    }

    private static boolean jsonRequested(CommandLine commandLine) {
        for (var level = commandLine.getParseResult(); level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--json")) {
                return true;
            }
        }
        return false;
    }
}
