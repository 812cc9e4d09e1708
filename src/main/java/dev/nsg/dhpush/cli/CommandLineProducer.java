package dev.nsg.dhpush.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.nsg.dhpush.failure.ExitCode;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;

/** The picocli command line Quarkus runs: documented exit codes in help, failures and Ctrl-C mapped to them. */
@ApplicationScoped
class CommandLineProducer {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        CommandLine commandLine = factory.create();
        InterruptReporter interrupts = new InterruptReporter();
        interrupts.install(commandLine);
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        commandLine.setParameterExceptionHandler(new UsageErrorReporter(interrupts));
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                DebugLogging.apply(parseResult);
                return runLast.execute(parseResult);
            } finally {
                interrupts.finished();
            }
        });
        for (CommandLine command : commandLine.getSubcommands().values()) {
            describeExitCodes(command);
        }
        describeExitCodes(commandLine);
        return commandLine;
    }

    private static void describeExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
    }
}
