package dev.nsg.dhpush.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.nsg.dhpush.app.PublishImage;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.auth.CredentialResolver;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.EngineFactory;
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
    TagOptions tags;
    @Mixin
    RegistryOptions registry;
    @Mixin
    BuildOptions build;
    @Mixin
    EngineOptions engine;
    @Mixin
    OutputOptions output;

    @Inject
    PublishImage publish;
    @Inject
    CredentialResolver credentialResolver;
    @Inject
    EngineFactory engineFactory;

    @Override
    public Integer call() {
        DebugLogging.apply(spec.parent().findOption("--debug").getValue());
        PublishListener listener = output.reporter(spec.commandLine().getOut(), spec.commandLine().getErr());
        ImageReference repository = registry.reference();
        PublishPlan plan = publish.plan(build.settings(repository, tags.tags()), System.getenv());
        if (dryRun) {
            listener.plan(plan);
            return 0;
        }
        // Credentials only help here to pull private base images from the same registry.
        Optional<Credentials> credentials = registry.credentials(credentialResolver, repository);
        publish.run(plan, PublishImage.Steps.BUILD, engine.connect(engineFactory), credentials, listener);
        return 0;
    }
}
