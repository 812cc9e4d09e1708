package dev.nsg.dhpush.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.nsg.dhpush.app.PublishImage;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.model.ImageReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dhpush build}: build and tag only; {@code dhpush push} sends the tags later. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Build the image and tag it with every --tag, without pushing.",
        synopsisHeading = "%nUsage: ", optionListHeading = "%nOptions:%n")
class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Print the plan (names, tags, labels, context size) and change nothing.")
    boolean dryRun;

    @Mixin
    TargetOptions target;
    @Mixin
    BuildOptions build;

    @Inject
    Services services;

    @Override
    public Integer call() {
        PublishListener listener = target.listener(spec);
        ImageReference repository = target.repository();
        PublishPlan plan = services.publish.plan(build.settings(repository, target.tagList()), System.getenv());
        if (dryRun) {
            listener.plan(plan);
            return 0;
        }
        // Credentials only help here to pull private base images from the same registry.
        Optional<Credentials> credentials = target.credentials(services, repository);
        services.publish.run(plan, PublishImage.Steps.BUILD, target.connect(services), credentials, listener);
        return 0;
    }
}
