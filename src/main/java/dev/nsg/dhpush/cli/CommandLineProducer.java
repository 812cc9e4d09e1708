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
        describe(commandLine);
        return commandLine;
    }

    /**
     * What help, the man page and completion show beyond the annotations: each command's own option texts and the
     * documented exit codes. Shared with the build-time man page generator, so the page says what --help says.
     */
    static void describe(CommandLine commandLine) {
        commandLine.setResourceBundle(new HelpTexts());
        describeExitCodes(commandLine);
        WholeWordHelp.install(commandLine);
    }

    private static void describeExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
        command.getSubcommands().values().forEach(CommandLineProducer::describeExitCodes);
    }
}
