package dev.nsg.dhpush.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.nsg.dhpush.failure.ExitCode;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;

/** The picocli command line Quarkus runs: documented exit codes in help, failures mapped to them. */
@ApplicationScoped
class CommandLineProducer {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        CommandLine commandLine = factory.create();
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        commandLine.setParameterExceptionHandler(new UsageErrorReporter());
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
