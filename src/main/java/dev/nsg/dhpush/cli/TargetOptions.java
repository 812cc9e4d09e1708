package dev.nsg.dhpush.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.nsg.dhpush.app.ChosenRepository;
import dev.nsg.dhpush.app.ProjectRepository;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.RegistryAccess;
import dev.nsg.dhpush.app.RepositoryRequest;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** The options every command that works on tags shares: which tags of which repository, which engine, how to show it. */
class TargetOptions {

    @Mixin
    TagOptions tags;
    @Mixin
    RegistryOptions registry;
    @Mixin
    EngineOptions engine;
    @Mixin
    OutputOptions output;

    /** The output form the options ask for. */
    PublishListener listener(CommandSpec spec, Environment environment) {
        return output.reporter(spec.commandLine().getOut(), spec.commandLine().getErr(), environment);
    }

    RepositoryRequest repositoryRequest(Environment environment) {
        return registry.request(environment);
    }

    /** For commands that do not build: the project is the current directory. */
    ChosenRepository chosenRepository(Environment environment) {
        return ProjectRepository.choose(registry.request(environment), Path.of(""));
    }

    List<Tag> tagList(Environment environment) {
        return tags.tags(environment);
    }

    /** The tags, or none where none is given and no build number is set. */
    List<Tag> tagListIfAny(Environment environment) {
        return tags.tagsIfAny(environment);
    }

    Optional<Credentials> credentials(Services services, ImageReference repository) {
        return registry.credentials(services.credentials, repository, services.environment, System.in);
    }

    /** Credentials for Docker Hub base images when the target is another registry. */
    Optional<Credentials> dockerHubPulls(Services services, ImageReference repository, Optional<Credentials> targetCredentials) {
        return registry.dockerHubPulls(services.credentials, repository, services.environment, targetCredentials);
    }

    RegistryAccess access(Environment environment) {
        return registry.access(environment);
    }

    /** The engine, waited for as --engine-wait says; the wait is reported through the run's listener. */
    DockerEngine connect(Services services, PublishListener listener) {
        return engine.connect(services.engines, services.environment, listener);
    }

    DockerEngine connectForLookup(Services services, PublishListener listener) {
        return engine.connectForLookup(services.engines, services.environment, listener);
    }
}
