package dev.nsg.dhpush.cli;

import dev.nsg.dhpush.app.PublishImage;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code dhpush [options]}: build, tag and push (then verify) the image in one run, as the pipeline does. */
@TopCommand
@Command(name = "dhpush",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {BuildCommand.class, PushCommand.class, VerifyCommand.class, TagsCommand.class, DoctorCommand.class, ContextCommand.class,
                CompletionCommand.class, HelpCommand.class},
        header = "Build, tag, push and verify a container image on Docker Hub, straight through the Docker Engine and registry v2 APIs.",
        description = {"Without a command: prove push access to the repository, build the image, tag it with every --tag, push each tag"
                + " (a tag that already holds this image is not pushed again; one that holds another is reported as moving),"
                + " and verify on the registry that every tag serves the one pushed digest.",
                "",
                "The repository is --repository, else the project's: the name from the Dockerfile's org.opencontainers.image.title"
                + " label (final stage), the namespace from dhpush.properties (namespace=...) next to it, else $DOCKER_HUB_USER."},
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = "Credentials: DOCKER_HUB_USER with DOCKER_HUB_KEY, --username with --password-stdin, or the docker config file.")
public class DhpushCommand extends TargetedCommand {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print debug logs and stack traces on stderr (secrets are never printed).")
    boolean debug;

    @Mixin
    BuildOptions build;

    @Mixin
    PushOptions push;

    @Override
    public Integer call() {
        return BuildRun.execute(spec, target, build, push, services, PublishImage.Steps.BUILD_PUSH_VERIFY);
    }
}
