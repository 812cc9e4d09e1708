package dev.nsg.dhpush.cli;

import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.nsg.dhpush.app.PublishImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dhpush build}: build and tag only; {@code dhpush push} sends the tags later. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Build the image and tag it with every --tag, without pushing.",
        synopsisHeading = "%nUsage: ", optionListHeading = "%nOptions:%n")
class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;
    @Mixin
    BuildOptions build;

    @Inject
    Services services;

    @Override
    public Integer call() {
        return BuildRun.execute(spec, target, build, services, PublishImage.Steps.BUILD);
    }
}
