package dev.nsg.dhpush.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.IoCause;
import dev.nsg.dhpush.failure.CredentialSource;
import dev.nsg.dhpush.failure.CredentialSource.Kind;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

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

    /** {@code config.json} in the directory; absent means no credentials. */
    static Optional<DockerConfigFile> load(Path directory, ObjectMapper json) {
        Path file = directory.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DockerConfigFile(file, json.readTree(file.toFile())));
        } catch (JsonProcessingException e) {
            // Only the position: the parser's own message may quote the file, and the file holds secrets.
            throw new InvalidInputException(Problem.DOCKER_CONFIG, file.toString(), "read " + file + ": not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InvalidInputException(Problem.DOCKER_CONFIG, file.toString(), "read " + file + ": " + IoCause.of(e));
        }
    }

    Optional<Credentials> lookup(String registryKey, ObjectMapper json) {
        JsonNode helper = config.path("credHelpers").path(registryKey);
        if (helper.isTextual() && !helper.asText().isEmpty()) {
            return CredentialHelper.get(registryKey, json, CredentialSource.helper(Kind.CREDENTIAL_HELPER, file, helper.asText()));
        }
        JsonNode store = config.path("credsStore");
        if (store.isTextual() && !store.asText().isEmpty()) {
            Optional<Credentials> stored = CredentialHelper.get(registryKey, json,
                    CredentialSource.helper(Kind.CREDENTIAL_STORE, file, store.asText()));
            if (stored.isPresent()) {
                return stored;
            }
        }
        JsonNode entry = config.path("auths").path(registryKey);
        if (entry.hasNonNull("identitytoken") && !entry.get("identitytoken").asText().isEmpty()) {
            return Optional.of(Credentials.token(entry.get("identitytoken").asText(), CredentialSource.configFile(file)));
        }
        if (entry.hasNonNull("auth") && !entry.get("auth").asText().isEmpty()) {
            String decoded;
            try {
                decoded = RegistryAuth.decodeBasic(entry.get("auth").asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Problem.DOCKER_CONFIG, file.toString(),
                        "read " + file + ": the auth entry for " + registryKey + " is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException(Problem.DOCKER_CONFIG, file.toString(),
                        "read " + file + ": the auth entry for " + registryKey + " is not user:password");
            }
            return Optional.of(Credentials.password(decoded.substring(0, colon), decoded.substring(colon + 1),
                    CredentialSource.configFile(file)));
        }
        return Optional.empty();
    }
}
