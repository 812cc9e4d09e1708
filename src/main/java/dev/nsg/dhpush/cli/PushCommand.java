package dev.nsg.dhpush.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.nsg.dhpush.app.PublishImage;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.auth.CredentialResolver;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.EngineFactory;
import dev.nsg.dhpush.model.ImageReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dhpush push}: push tags already built in the engine (by dhpush build or docker build). */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Push tags already built in the engine, and report their digests.",
        synopsisHeading = "%nUsage: ", optionListHeading = "%nOptions:%n")
class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TagOptions tags;
    @Mixin
    RegistryOptions registry;
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
        var tagList = tags.tags();
        Optional<Credentials> credentials = registry.credentials(credentialResolver, repository);
        publish.requirePushCredentials(repository, credentials);
        publish.push(repository, tagList, engine.connect(engineFactory), credentials, listener);
        return 0;
    }
}
