package dev.nsg.dhpush.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.InvalidInputException;

/**
 * Credentials from the docker CLI's config file, looked up like the CLI does: a per-registry {@code credHelpers}
 * entry first, then the default {@code credsStore}, else the base64 {@code auth} (or {@code identitytoken}) in
 * {@code auths}.
 */
final class DockerConfigFile {

    private final Path file;
    private final JsonNode config;

    private DockerConfigFile(Path file, JsonNode config) {
        this.file = file;
        this.config = config;
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}; absent means no credentials. */
    static Optional<DockerConfigFile> load(String dockerConfigDir, String home, ObjectMapper json) {
        Path directory = dockerConfigDir != null && !dockerConfigDir.isBlank()
                ? Path.of(dockerConfigDir)
                : Path.of(home, ".docker");
        Path file = directory.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DockerConfigFile(file, json.readTree(file.toFile())));
        } catch (JsonProcessingException e) {
            // Only the position: the parser's own message may quote the file, and the file holds secrets.
            throw new InvalidInputException("read " + file + ": not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")",
                    "fix or remove the file; dhpush reads registry credentials from it");
        } catch (IOException e) {
            throw new InvalidInputException("read " + file + ": " + e.getClass().getSimpleName(), null);
        }
    }

    Optional<Credentials> lookup(String registryKey, ObjectMapper json) {
        JsonNode helper = config.path("credHelpers").path(registryKey);
        if (helper.isTextual() && !helper.asText().isEmpty()) {
            return CredentialHelper.get(helper.asText(), registryKey, json, file + " credHelpers");
        }
        JsonNode store = config.path("credsStore");
        if (store.isTextual() && !store.asText().isEmpty()) {
            Optional<Credentials> stored = CredentialHelper.get(store.asText(), registryKey, json, file + " credsStore");
            if (stored.isPresent()) {
                return stored;
            }
        }
        JsonNode entry = config.path("auths").path(registryKey);
        if (entry.hasNonNull("identitytoken") && !entry.get("identitytoken").asText().isEmpty()) {
            return Optional.of(Credentials.token(entry.get("identitytoken").asText(), file + " auths"));
        }
        if (entry.hasNonNull("auth") && !entry.get("auth").asText().isEmpty()) {
            String decoded;
            try {
                decoded = RegistryAuth.decodeBasic(entry.get("auth").asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("read " + file + ": the auth entry for " + registryKey + " is not base64",
                        "log in again (docker login) or fix the entry");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("read " + file + ": the auth entry for " + registryKey
                        + " is not user:password", "log in again (docker login) or fix the entry");
            }
            return Optional.of(Credentials.password(decoded.substring(0, colon), decoded.substring(colon + 1), file + " auths"));
        }
        return Optional.empty();
    }
}
