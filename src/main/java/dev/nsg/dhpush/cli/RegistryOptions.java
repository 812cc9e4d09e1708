package dev.nsg.dhpush.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.nsg.dhpush.app.RegistryAccess;
import dev.nsg.dhpush.auth.CredentialResolver;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.model.ImageReference;
import picocli.CommandLine.Option;

/** Which repository on which registry, and how to log in to it. */
class RegistryOptions {

    static final String DEFAULT_NAMESPACE = "willfifensg";
    static final String IMAGE_NAME = "nsg-basic-django-app";

    @Option(names = "--registry", paramLabel = "HOST[:PORT]",
            description = "Registry to push to (default: Docker Hub).")
    String registry;

    @Option(names = "--repository", paramLabel = "NAMESPACE/NAME",
            description = "Repository on the registry (default: $DOCKER_HUB_USER/" + IMAGE_NAME + ", else " + DEFAULT_NAMESPACE + "/" + IMAGE_NAME + ").")
    String repository;

    @Option(names = "--username", paramLabel = "NAME",
            description = "Registry user, with --password-stdin (default: $DOCKER_HUB_USER, else the docker config file).")
    String username;

    @Option(names = "--password-stdin",
            description = "Read the password or access token from standard input (never from the command line).")
    boolean passwordStdin;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Reach this registry's API over plain HTTP although it is not on loopback (as dockerd's insecure-registries).")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--registry-ca", paramLabel = "FILE",
            description = "Also trust this PEM CA for the registry (default: ~/.docker/certs.d/HOST:PORT/ca.crt when present).")
    Path registryCa;

    RegistryAccess access() {
        // A mistyped path must not quietly fall back to the system's trust (or be skipped for a plain-HTTP registry).
        if (registryCa != null && !Files.isRegularFile(registryCa)) {
            throw new InvalidInputException("registry CA \"" + registryCa + "\": no such file",
                    "pass the registry's CA certificate as a PEM file, or leave --registry-ca out");
        }
        return new RegistryAccess(Set.copyOf(insecureRegistries), registryCa);
    }

    ImageReference reference() {
        String name = repository;
        if (name == null) {
            String user = System.getenv(CredentialResolver.USER_VARIABLE);
            name = (user == null || user.isBlank() ? DEFAULT_NAMESPACE : user.trim().toLowerCase()) + "/" + IMAGE_NAME;
        }
        return ImageReference.parse(registry, name);
    }

    Optional<Credentials> credentials(CredentialResolver resolver, ImageReference reference) {
        return resolver.resolve(reference.authConfigKey(), username, passwordStdin ? System.in : null, System.getenv());
    }
}
