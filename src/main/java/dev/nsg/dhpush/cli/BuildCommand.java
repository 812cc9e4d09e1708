package dev.nsg.dhpush.cli;

import dev.nsg.dhpush.app.PublishImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dhpush build}: build and tag only; {@code dhpush push} sends the tags later. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Build the image and tag it with every --tag, without pushing.",
        synopsisHeading = "%nUsage: ", optionListHeading = "%nOptions:%n")
class BuildCommand extends TargetedCommand {

    @Mixin
    BuildOptions build;

    @Override
    public Integer call() {
        return BuildRun.execute(spec, target, build, null, services, PublishImage.Steps.BUILD);
    }
}
