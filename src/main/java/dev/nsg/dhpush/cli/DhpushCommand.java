package dev.nsg.dhpush.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.quarkus.picocli.runtime.annotations.TopCommand;

@TopCommand
@Command(name = "dhpush",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Build, tag, push and verify a container image on Docker Hub, straight through the Docker Engine and registry v2 APIs.",
        synopsisHeading = "%nUsage: ",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = "Documentation: README.md in the dhpush repository.")
public class DhpushCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print debug logs and stack traces on stderr (secrets are never printed).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
