package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.auth.CredentialResolver;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.failure.CredentialSource;
import dev.nsg.dhpush.model.ImageReference;

/** Which credential source wins, and the combinations of options and variables that are refused. */
class RegistryOptionsTest {

    private static final String SECRET = "s3cr3t-Token-value";
    private static final ImageReference REPOSITORY = ImageReference.parse("localhost:5000", "team/app");
    private final CredentialResolver resolver = resolver();

    @TempDir
    Path home;

    private static CredentialResolver resolver() {
        try {
            var constructor = CredentialResolver.class.getDeclaredConstructor(ObjectMapper.class);
            constructor.setAccessible(true);
            return constructor.newInstance(new ObjectMapper());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private Environment environment(Map<String, String> variables) {
        return new Environment(variables, home);
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void environment_givesTheRegistryVariables() {
        Credentials found = new RegistryOptions().credentials(resolver, REPOSITORY,
                environment(Map.of("DOCKER_HUB_USER", "me", "DOCKER_HUB_KEY", SECRET)), stdin("")).orElseThrow();
        assertEquals("me", found.username());
        assertEquals(SECRET, found.secret());
        assertEquals(CredentialSource.Kind.ENVIRONMENT, found.source().kind());
    }

    @Test
    void passwordStdin_winsOverTheEnvironment() {
        RegistryOptions options = new RegistryOptions();
        options.username = "other";
        options.passwordStdin = true;
        Credentials found = options.credentials(resolver, REPOSITORY,
                environment(Map.of("DOCKER_HUB_USER", "me", "DOCKER_HUB_KEY", "env-key")), stdin(SECRET + "\n")).orElseThrow();
        assertEquals("other", found.username());
        assertEquals(SECRET, found.secret());
        assertEquals(CredentialSource.Kind.STDIN, found.source().kind());
    }

    @Test
    void environment_winsOverTheConfigFile() throws Exception {
        Path config = home.resolve(".docker");
        Files.createDirectories(config);
        String auth = Base64.getEncoder().encodeToString("file-user:file-secret".getBytes(StandardCharsets.UTF_8));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"localhost:5000\":{\"auth\":\"" + auth + "\"}}}");
        assertEquals("file-user", new RegistryOptions().credentials(resolver, REPOSITORY, environment(Map.of()), stdin(""))
                .orElseThrow().username());
        assertEquals("me", new RegistryOptions().credentials(resolver, REPOSITORY,
                environment(Map.of("DOCKER_HUB_USER", "me", "DOCKER_HUB_KEY", SECRET)), stdin("")).orElseThrow().username());
    }

    @Test
    void keyWithoutUser_isAUsageError() {
        assertThrows(UsageFailure.class, () -> new RegistryOptions().credentials(resolver, REPOSITORY,
                environment(Map.of("DOCKER_HUB_KEY", SECRET)), stdin("")));
    }

    @Test
    void usernameWithoutPasswordStdin_isAUsageError() {
        RegistryOptions options = new RegistryOptions();
        options.username = "me";
        assertThrows(UsageFailure.class, () -> options.credentials(resolver, REPOSITORY, environment(Map.of()), stdin("")));
    }

    @Test
    void dockerHubBaseImages_arePulledAsTheDockerHubUser_whenPushingElsewhere() throws Exception {
        RegistryOptions options = new RegistryOptions();
        options.username = "registry-user";
        options.passwordStdin = true;
        Environment environment = environment(Map.of("DOCKER_HUB_USER", "hub-user", "DOCKER_HUB_KEY", SECRET));
        var target = options.credentials(resolver, REPOSITORY, environment, stdin("registry-password"));
        assertEquals("hub-user", options.dockerHubPulls(resolver, REPOSITORY, environment, target).orElseThrow().username());
    }

    @Test
    void theRegistryVariables_areNotSentToDockerHub_whenTheyAreTheTargetsCredentials() throws Exception {
        Environment environment = environment(Map.of("DOCKER_HUB_USER", "me", "DOCKER_HUB_KEY", SECRET));
        RegistryOptions options = new RegistryOptions();
        var target = options.credentials(resolver, REPOSITORY, environment, stdin(""));
        assertEquals(java.util.Optional.empty(), options.dockerHubPulls(resolver, REPOSITORY, environment, target));
        Path config = home.resolve(".docker");
        Files.createDirectories(config);
        String auth = Base64.getEncoder().encodeToString("hub-login:hub-secret".getBytes(StandardCharsets.UTF_8));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth + "\"}}}");
        assertEquals("hub-login", options.dockerHubPulls(resolver, REPOSITORY, environment, target).orElseThrow().username(),
                "docker login's Docker Hub entry serves instead");
        assertEquals(java.util.Optional.empty(), options.dockerHubPulls(resolver, ImageReference.parse(null, "team/app"), environment, target),
                "a Docker Hub target's own credentials already cover its base images");
    }
}
