package dev.nsg.dhpush.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/**
 * The credential sources below the command line: a secret read from standard input, and the docker config file
 * with its credential helpers. Which source wins is the command line's decision; secrets never come from argv.
 */
@ApplicationScoped
public class CredentialResolver {

    private static final int MAX_SECRET = 64 * 1024;

    private final ObjectMapper json;

    CredentialResolver(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The docker config file's credentials for a registry: a {@code credHelpers} entry, the {@code credsStore}, then
     * {@code auths}; empty when the file or the entry is absent.
     *
     * @param registryKey the config.json key of the registry ({@code https://index.docker.io/v1/} or host:port)
     * @param configDirectory the directory holding config.json
     */
    public Optional<Credentials> fromDockerConfig(String registryKey, Path configDirectory) {
        return DockerConfigFile.load(configDirectory, json).flatMap(config -> config.lookup(registryKey, json));
    }

    /** A password or token piped in: one line, its line ending dropped; empty input is refused. */
    public static String readSecret(InputStream stdin) {
        try {
            String secret = new String(stdin.readNBytes(MAX_SECRET), StandardCharsets.UTF_8);
            secret = secret.replaceAll("[\r\n]+$", "");
            if (secret.isEmpty()) {
                throw new InvalidInputException(Problem.PASSWORD_INPUT, null,
                        "read the password from standard input: it was empty");
            }
            return secret;
        } catch (IOException e) {
            throw new InvalidInputException(Problem.PASSWORD_INPUT, null,
                    "read the password from standard input: " + e.getMessage(), e);
        }
    }
}
