package dev.nsg.dhpush.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's auth headers: X-Registry-Auth is base64url JSON of one AuthConfig, X-Registry-Config a map of them
 * keyed by registry (Docker Hub's key being its v1 index URL), as the docker CLI encodes them.
 */
public final class RegistryAuth {

    private RegistryAuth() {
    }

    /** X-Registry-Auth for a push to {@code serverAddress}; anonymous is "{}", as the docker CLI sends it. */
    public static String header(Optional<Credentials> credentials, String serverAddress, ObjectMapper json) {
        return encode(credentials.map(found -> authConfig(found, serverAddress)).orElse(Map.of()), json);
    }

    /**
     * X-Registry-Config for a build: credentials per registry (keyed as config.json keys them), so base images on
     * those registries are pulled as that user (private images, and Docker Hub's larger quota for authenticated pulls).
     */
    public static String buildConfig(Map<String, Credentials> byRegistry, ObjectMapper json) {
        Map<String, Object> config = new LinkedHashMap<>();
        byRegistry.forEach((serverAddress, credentials) -> config.put(serverAddress, authConfig(credentials, serverAddress)));
        return encode(config, json);
    }

    private static Map<String, String> authConfig(Credentials credentials, String serverAddress) {
        Map<String, String> config = new LinkedHashMap<>();
        if (credentials.identityToken()) {
            config.put("identitytoken", credentials.secret());
        } else {
            config.put("username", credentials.username());
            config.put("password", credentials.secret());
        }
        config.put("serveraddress", serverAddress);
        return config;
    }

    private static String encode(Object value, ObjectMapper json) {
        try {
            return Base64.getUrlEncoder().encodeToString(json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode registry credentials", e);
        }
    }

    static String decodeBasic(String auth) {
        return new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
    }
}
