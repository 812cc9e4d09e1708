package dev.nsg.dhpush.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.InvalidInputException;

class CredentialsTest {

    private static final String SECRET = "s3cr3t-Token-value";
    private final ObjectMapper json = new ObjectMapper();
    private final CredentialResolver resolver = new CredentialResolver(json);

    @TempDir
    Path home;

    @Test
    void toString_neverShowsTheSecret() {
        assertFalse(Credentials.password("user", SECRET, "test").toString().contains(SECRET));
        assertFalse(Credentials.token(SECRET, "test").toString().contains(SECRET));
    }

    @Test
    void registryAuthHeader_isBase64UrlJson_andAnonymousIsEmptyObject() throws Exception {
        String header = RegistryAuth.header(Optional.of(Credentials.password("user", SECRET, "t")), "localhost:5000", json);
        JsonNode decoded = json.readTree(Base64.getUrlDecoder().decode(header));
        assertEquals("user", decoded.get("username").asText());
        assertEquals(SECRET, decoded.get("password").asText());
        assertEquals("localhost:5000", decoded.get("serveraddress").asText());
        assertEquals("{}", new String(Base64.getUrlDecoder().decode(RegistryAuth.header(Optional.empty(), "x", json)), StandardCharsets.UTF_8));
    }

    @Test
    void environment_givesTheDockerHubVariables() {
        Optional<Credentials> found = resolver.resolve("any", null, null, Map.of("DOCKER_HUB_USER", "me", "DOCKER_HUB_KEY", SECRET));
        assertEquals("me", found.orElseThrow().username());
        assertEquals(SECRET, found.orElseThrow().secret());
    }

    @Test
    void passwordStdin_winsOverTheEnvironment_andDropsTheTrailingNewline() {
        Optional<Credentials> found = resolver.resolve("any", "other", new ByteArrayInputStream((SECRET + "\n").getBytes()),
                Map.of("DOCKER_HUB_USER", "me", "DOCKER_HUB_KEY", "env-key"));
        assertEquals("other", found.orElseThrow().username());
        assertEquals(SECRET, found.orElseThrow().secret());
    }

    @Test
    void keyWithoutUser_isAUsageError() {
        assertThrows(InvalidInputException.class, () -> resolver.resolve("any", null, null, Map.of("DOCKER_HUB_KEY", SECRET)));
    }

    @Test
    void usernameWithoutPasswordStdin_isAUsageError() {
        assertThrows(InvalidInputException.class, () -> resolver.resolve("any", "me", null, Map.of()));
    }

    @Test
    void configFile_auths_areDecoded() throws Exception {
        Path config = home.resolve("docker");
        Files.createDirectories(config);
        String auth = Base64.getEncoder().encodeToString(("me:" + SECRET).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"localhost:5000\":{\"auth\":\"" + auth + "\"}}}");
        Optional<Credentials> found = resolver.resolve("localhost:5000", null, null, Map.of("DOCKER_CONFIG", config.toString()));
        assertEquals("me", found.orElseThrow().username());
        assertEquals(SECRET, found.orElseThrow().secret());
        assertTrue(resolver.resolve("other:5000", null, null, Map.of("DOCKER_CONFIG", config.toString())).isEmpty());
    }

    @Test
    void configFile_brokenJson_failsWithoutQuotingTheFile() throws Exception {
        Path config = home.resolve("broken");
        Files.createDirectories(config);
        Files.writeString(config.resolve("config.json"), "{\"auths\": " + SECRET + "}");
        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> resolver.resolve("x", null, null, Map.of("DOCKER_CONFIG", config.toString())));
        assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
    }
}
