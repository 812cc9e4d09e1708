package dev.nsg.dhpush.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.InvalidInputException;

/**
 * Finds the credentials for the registry of this run. First found wins: {@code --username} with
 * {@code --password-stdin} (asked for explicitly on this command line), then {@code DOCKER_HUB_USER} with
 * {@code DOCKER_HUB_KEY} (the pipeline's secured variables), then the docker config file and its helpers.
 * Secrets are never accepted on the command line.
 */
@ApplicationScoped
public class CredentialResolver {

    public static final String USER_VARIABLE = "DOCKER_HUB_USER";
    public static final String KEY_VARIABLE = "DOCKER_HUB_KEY";

    private final ObjectMapper json;

    CredentialResolver(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param registryKey the config.json key of the target registry ({@code https://index.docker.io/v1/} or host:port)
     * @param username {@code --username}, or null
     * @param stdin standard input when {@code --password-stdin} was given, else null
     */
    public Optional<Credentials> resolve(String registryKey, String username, InputStream stdin, Map<String, String> environment) {
        if (stdin != null) {
            if (username == null || username.isBlank()) {
                throw new InvalidInputException("--password-stdin needs --username", "pass --username NAME as well");
            }
            return Optional.of(Credentials.password(username, readSecret(stdin), "--password-stdin"));
        }
        if (username != null) {
            throw new InvalidInputException("--username needs --password-stdin",
                    "pipe the password or token in: printf '%s' \"$TOKEN\" | dhpush --username " + username + " --password-stdin");
        }
        String user = environment.get(USER_VARIABLE);
        String key = environment.get(KEY_VARIABLE);
        if (key != null && !key.isEmpty()) {
            if (user == null || user.isBlank()) {
                throw new InvalidInputException(KEY_VARIABLE + " is set but " + USER_VARIABLE + " is not",
                        "set " + USER_VARIABLE + " to the Docker Hub account the key belongs to");
            }
            return Optional.of(Credentials.password(user.trim(), key, USER_VARIABLE + "/" + KEY_VARIABLE));
        }
        return DockerConfigFile.load(environment.get("DOCKER_CONFIG"), System.getProperty("user.home"), json)
                .flatMap(config -> config.lookup(registryKey, json));
    }

    private static String readSecret(InputStream stdin) {
        try {
            String secret = new String(stdin.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            secret = secret.replaceAll("[\r\n]+$", "");
            if (secret.isEmpty()) {
                throw new InvalidInputException("--password-stdin: standard input was empty",
                        "pipe the password or access token into dhpush");
            }
            return secret;
        } catch (IOException e) {
            throw new InvalidInputException("--password-stdin: cannot read standard input (" + e.getMessage() + ")", null);
        }
    }
}
