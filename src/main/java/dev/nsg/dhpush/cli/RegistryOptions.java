package dev.nsg.dhpush.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.nsg.dhpush.app.RegistryAccess;
import dev.nsg.dhpush.app.RepositoryRequest;
import dev.nsg.dhpush.auth.CredentialResolver;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.failure.CredentialSource;
import dev.nsg.dhpush.model.DockerHub;
import dev.nsg.dhpush.model.ImageReference;
import picocli.CommandLine.Option;

/** Which repository on which registry, and how to log in to it. */
class RegistryOptions {

    @Option(names = "--registry", paramLabel = "REGISTRY",
            description = "Registry of the repository, as host or host:port (default: Docker Hub).")
    String registry;

    @Option(names = "--repository", paramLabel = "NAMESPACE/NAME",
            description = "Repository on the registry (default: the project's: the Dockerfile's org.opencontainers.image.title"
                    + " label, under the namespace in dhpush.properties, else $DOCKER_HUB_USER).")
    String repository;

    @Option(names = "--username", paramLabel = "NAME",
            description = "Registry user, with --password-stdin (default: $DOCKER_HUB_USER, else the docker config file).")
    String username;

    @Option(names = "--password-stdin",
            description = "Read the password or access token from standard input (never from the command line).")
    boolean passwordStdin;

    @Option(names = "--insecure-registry", paramLabel = "REGISTRY",
            description = "Reach this registry (host or host:port) over plain HTTP although it is not on loopback (as dockerd's"
                    + " insecure-registries).")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--registry-ca", paramLabel = "FILE",
            description = "Also trust this PEM CA for the registry (default: ~/.docker/certs.d/HOST:PORT/ca.crt when present).")
    Path registryCa;

    RegistryAccess access(Environment environment) {
        // A mistyped path must not quietly fall back to the system's trust (or be skipped for a plain-HTTP registry).
        if (registryCa != null && !Files.isRegularFile(registryCa)) {
            throw new UsageFailure("registry CA \"" + registryCa + "\": no such file",
                    "pass the registry's CA certificate as a PEM file, or leave --registry-ca out");
        }
        return new RegistryAccess(Set.copyOf(insecureRegistries), registryCa, environment.certsDirectories());
    }

    RepositoryRequest request(Environment environment) {
        return new RepositoryRequest(registry, repository, environment.registryUser());
    }

    /**
     * First found wins: --username with --password-stdin (asked for on this command line), then DOCKER_HUB_USER with
     * DOCKER_HUB_KEY (the pipeline's secured variables), then the docker config file and its helpers.
     */
    Optional<Credentials> credentials(CredentialResolver resolver, ImageReference reference, Environment environment,
            InputStream stdin) {
        if (passwordStdin) {
            if (username == null || username.isBlank()) {
                throw new UsageFailure("--password-stdin needs --username", "pass --username NAME as well");
            }
            return Optional.of(Credentials.password(username, PasswordPrompt.read(username, stdin), CredentialSource.stdin()));
        }
        if (username != null) {
            throw new UsageFailure("--username needs --password-stdin",
                    "pipe the password or token in: printf '%s' \"$TOKEN\" | dhpush --username " + username + " --password-stdin");
        }
        String key = environment.registryKey();
        if (key != null && !key.isEmpty()) {
            if (environment.registryUser() == null) {
                throw new UsageFailure(Environment.KEY + " is set but " + Environment.USER + " is not",
                        "set " + Environment.USER + " to the account the key belongs to");
            }
            return Optional.of(Credentials.password(environment.registryUser().strip(), key, CredentialSource.environment()));
        }
        return resolver.fromDockerConfig(reference.authConfigKey(), environment.dockerConfigDirectory());
    }

    /**
     * Credentials for pulling Docker Hub base images when pushing elsewhere: DOCKER_HUB_USER with DOCKER_HUB_KEY, unless
     * they already serve as the target registry's credentials, else the docker config file's Docker Hub login.
     */
    Optional<Credentials> dockerHubPulls(CredentialResolver resolver, ImageReference target, Environment environment,
            Optional<Credentials> targetCredentials) {
        if (target.isDockerHub()) {
            return Optional.empty(); // the target's own credentials already cover Docker Hub
        }
        boolean variablesUsedForTarget = targetCredentials.map(found -> found.source().kind() == CredentialSource.Kind.ENVIRONMENT)
                .orElse(false);
        String key = environment.registryKey();
        if (!variablesUsedForTarget && key != null && !key.isEmpty() && environment.registryUser() != null) {
            return Optional.of(Credentials.password(environment.registryUser().strip(), key, CredentialSource.environment()));
        }
        return resolver.fromDockerConfig(DockerHub.AUTH_CONFIG_KEY, environment.dockerConfigDirectory());
    }
}
