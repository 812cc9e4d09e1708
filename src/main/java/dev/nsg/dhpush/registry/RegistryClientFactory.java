package dev.nsg.dhpush.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.config.RegistryConfig;
import dev.nsg.dhpush.model.ImageReference;

/** Opens a {@link RegistryClient} for one repository, asking for push access or only for pull. */
@ApplicationScoped
public class RegistryClientFactory {

    private final RegistryConfig config;
    private final ObjectMapper json;

    RegistryClientFactory(RegistryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /**
     * @param push whether this client will prove push access (scope pull,push), or only read (scope pull)
     * @param insecureHosts registries to reach over plain HTTP although not on loopback ({@code --insecure-registry})
     * @param extraCa a CA certificate to trust for this registry ({@code --registry-ca}), or null
     * @param certsDirectories where docker keeps per-registry CAs and client certificates, in the order they are read
     */
    public RegistryClient open(ImageReference repository, Optional<Credentials> credentials, boolean push,
            Set<String> insecureHosts, Path extraCa, List<Path> certsDirectories) {
        RegistryEndpoint endpoint = RegistryEndpoint.of(repository.apiHost(), insecureHosts, extraCa, certsDirectories);
        RetryPolicy retry = new RetryPolicy(Math.max(1, config.maxAttempts()), config.maxRetryTime(), config.initialBackoff());
        RegistrySession session = new RegistrySession(endpoint, credentials, repository, push, retry, config.requestTimeout(), json);
        return new RegistryClient(session, repository.path(), config.tagsPageSize(), json);
    }
}
