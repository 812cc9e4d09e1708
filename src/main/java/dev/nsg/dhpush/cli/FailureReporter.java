package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nsg.dhpush.failure.DhpushException;
import dev.nsg.dhpush.failure.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr (plus a hint) and its documented exit code.
 * The stack trace is printed only with {@code --debug}; anything that is not a {@link DhpushException} is a bug.
 */
class FailureReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = matched(parseResult, "--debug");
        ExitCode exit;
        String hint = null;
        if (failure instanceof DhpushException known) {
            exit = known.exitCode();
            // Engine and registry text can carry colour codes and newlines: the report stays one plain line each.
            err.println("error: " + oneLine(known.getMessage()));
            hint = Hints.of(known);
            if (hint != null) {
                err.println("hint: " + oneLine(hint));
            }
        } else {
            exit = ExitCode.BUG;
            err.println("error: dhpush failed unexpectedly" + (failure.getMessage() == null ? "" : ": " + oneLine(failure.getMessage())));
            err.println("hint: this is a bug in dhpush; rerun with --debug and report the output");
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        if (matched(parseResult, "--json")) {
            // Machines reading --json get the failure as an event on stdout too.
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", "error");
            event.put("exitCode", exit.code());
            event.put("message", failure instanceof DhpushException ? failure.getMessage() : "dhpush failed unexpectedly");
            if (hint != null) {
                event.put("hint", hint);
            }
            commandLine.getOut().println(JsonLine.of(event));
            commandLine.getOut().flush();
        }
        return exit.code();
    }

    private static String oneLine(String text) {
        return Terminal.printable(text).replace('\n', ' ').replace('\t', ' ');
    }

    private static boolean matched(ParseResult parseResult, String option) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }
}
