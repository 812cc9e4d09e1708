package dev.nsg.dhpush.cli;

import java.util.List;
import java.util.Optional;

import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.RegistryAccess;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** The options every command shares: which tags of which repository, which engine, and how to show the run. */
class TargetOptions {

    @Mixin
    TagOptions tags;
    @Mixin
    RegistryOptions registry;
    @Mixin
    EngineOptions engine;
    @Mixin
    OutputOptions output;

    /** Applies --debug (declared once, on the root command) and picks the output form. */
    PublishListener listener(CommandSpec spec) {
        DebugLogging.apply(spec);
        return output.reporter(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    ImageReference repository() {
        return registry.reference();
    }

    List<Tag> tagList() {
        return tags.tags();
    }

    Optional<Credentials> credentials(Services services, ImageReference repository) {
        return registry.credentials(services.credentials, repository);
    }

    RegistryAccess access() {
        return registry.access();
    }

    DockerEngine connect(Services services) {
        return engine.connect(services.engines);
    }
}
