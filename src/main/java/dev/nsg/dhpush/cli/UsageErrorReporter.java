package dev.nsg.dhpush.cli;

import java.io.PrintWriter;

import dev.nsg.dhpush.failure.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A mistyped option gets one line naming it and a pointer to --help, not the whole usage text, and exit 2. */
class UsageErrorReporter implements IParameterExceptionHandler {

    private final InterruptReporter interrupts;

    UsageErrorReporter(InterruptReporter interrupts) {
        this.interrupts = interrupts;
    }

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        interrupts.finished(); // a run refused at parse time never reaches the execution strategy that says so
        CommandLine commandLine = problem.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + problem.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("hint: see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCode.USAGE.code();
    }
}
