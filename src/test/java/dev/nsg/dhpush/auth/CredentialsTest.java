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
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.CredentialSource;
import dev.nsg.dhpush.failure.InvalidInputException;

class CredentialsTest {

    private static final String SECRET = "s3cr3t-Token-value";
    private final ObjectMapper json = new ObjectMapper();
    private final CredentialResolver resolver = new CredentialResolver(json);

    @TempDir
    Path home;

    @Test
    void toString_neverShowsTheSecret() {
        assertFalse(Credentials.password("user", SECRET, CredentialSource.environment()).toString().contains(SECRET));
        assertFalse(Credentials.token(SECRET, CredentialSource.stdin()).toString().contains(SECRET));
    }

    @Test
    void registryAuthHeader_isBase64UrlJson_andAnonymousIsEmptyObject() throws Exception {
        String header = RegistryAuth.header(Optional.of(Credentials.password("user", SECRET, CredentialSource.stdin())), "localhost:5000", json);
        JsonNode decoded = json.readTree(Base64.getUrlDecoder().decode(header));
        assertEquals("user", decoded.get("username").asText());
        assertEquals(SECRET, decoded.get("password").asText());
        assertEquals("localhost:5000", decoded.get("serveraddress").asText());
        assertEquals("{}", new String(Base64.getUrlDecoder().decode(RegistryAuth.header(Optional.empty(), "x", json)), StandardCharsets.UTF_8));
    }

    @Test
    void readSecret_dropsTheTrailingNewline() {
        assertEquals(SECRET, CredentialResolver.readSecret(new ByteArrayInputStream((SECRET + "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void readSecret_refusesEmptyInput() {
        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> CredentialResolver.readSecret(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(InvalidInputException.Problem.PASSWORD_INPUT, failure.problem());
    }

    @Test
    void configFile_auths_areDecoded_andNameTheirFile() throws Exception {
        Path config = home.resolve("docker");
        Files.createDirectories(config);
        String auth = Base64.getEncoder().encodeToString(("me:" + SECRET).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"localhost:5000\":{\"auth\":\"" + auth + "\"}}}");
        Credentials found = resolver.fromDockerConfig("localhost:5000", config).orElseThrow();
        assertEquals("me", found.username());
        assertEquals(SECRET, found.secret());
        assertEquals(CredentialSource.configFile(config.resolve("config.json")), found.source());
        assertTrue(resolver.fromDockerConfig("other:5000", config).isEmpty());
    }

    @Test
    void configFile_absent_meansNoCredentials() {
        assertTrue(resolver.fromDockerConfig("localhost:5000", home.resolve("nothing-here")).isEmpty());
    }

    @Test
    void configFile_brokenJson_failsWithoutQuotingTheFile() throws Exception {
        Path config = home.resolve("broken");
        Files.createDirectories(config);
        Files.writeString(config.resolve("config.json"), "{\"auths\": " + SECRET + "}");
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> resolver.fromDockerConfig("x", config));
        assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
        assertEquals(InvalidInputException.Problem.DOCKER_CONFIG, failure.problem());
    }
}
