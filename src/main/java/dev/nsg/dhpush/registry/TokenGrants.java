package dev.nsg.dhpush.registry;

import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The actions a Docker token service granted, read from the token's {@code access} claim (distribution's token auth
 * spec; Docker Hub's tokens carry it too). Asked for {@code pull,push} on a repository the user may only read, these
 * services answer with a token that grants {@code pull} alone rather than an error: the claim is how a read-only token
 * is told apart before anything is pushed. The signature is the registry's to check; the token is never logged.
 */
final class TokenGrants {

    private TokenGrants() {
    }

    /**
     * The actions granted on {@code repository}; empty when the token is not a JWT with an access claim (an opaque
     * token says nothing, and access must be proven another way).
     */
    static Optional<Set<String>> forRepository(String token, String repository, ObjectMapper json) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        JsonNode claims;
        try {
            claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException notAJwt) {
            return Optional.empty();
        }
        JsonNode access = claims == null ? null : claims.get("access");
        if (access == null || !access.isArray()) {
            return Optional.empty();
        }
        Set<String> actions = new HashSet<>();
        for (JsonNode entry : access) {
            if ("repository".equals(entry.path("type").asText()) && repository.equals(entry.path("name").asText())) {
                entry.path("actions").forEach(action -> actions.add(action.asText()));
            }
        }
        return Optional.of(actions);
    }
}
