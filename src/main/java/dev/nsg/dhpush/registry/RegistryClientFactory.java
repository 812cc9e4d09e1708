package dev.nsg.dhpush.registry;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.config.RegistryConfig;
import dev.nsg.dhpush.model.ImageReference;

/** Opens a {@link RegistryClient} for one repository, with pull scope: verifying and listing only ever read. */
@ApplicationScoped
public class RegistryClientFactory {

    private final RegistryConfig config;
    private final ObjectMapper json;

    RegistryClientFactory(RegistryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /**
     * @param insecureHosts registries to reach over plain HTTP although not on loopback ({@code --insecure-registry})
     * @param extraCa a CA certificate to trust for this registry ({@code --registry-ca}), or null
     */
    public RegistryClient open(ImageReference repository, Optional<Credentials> credentials, Set<String> insecureHosts, Path extraCa) {
        Path certsDir = Path.of(System.getProperty("user.home"), ".docker", "certs.d");
        RegistryEndpoint endpoint = RegistryEndpoint.of(repository.apiHost(), insecureHosts, extraCa, certsDir);
        RetryPolicy retry = new RetryPolicy(Math.max(1, config.maxAttempts()), config.maxRetryTime(), config.initialBackoff());
        String scope = "repository:" + repository.path() + ":pull";
        RegistrySession session = new RegistrySession(endpoint, credentials, scope, retry, config.requestTimeout(), json);
        return new RegistryClient(session, repository.path(), config.tagsPageSize(), json);
    }
}
