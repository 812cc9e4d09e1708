package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nsg.dhpush.model.Digest;

/**
 * What cosign signs for an image: the "simple signing" claim (containers/image's format) naming the repository and
 * the manifest digest, as compact JSON without a trailing newline, exactly as {@code cosign sign} writes it.
 */
final class SimpleSigningPayload {

    static final String TYPE = "cosign container image signature";

    private SimpleSigningPayload() {
    }

    static byte[] of(String repository, Digest image, ObjectMapper json) {
        ObjectNode payload = json.createObjectNode();
        ObjectNode critical = payload.putObject("critical");
        critical.putObject("identity").put("docker-reference", repository);
        critical.putObject("image").put("docker-manifest-digest", image.value());
        critical.put("type", TYPE);
        payload.putNull("optional");
        try {
            return json.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JSON tree in memory failed", e);
        }
    }

    /** The digest a payload claims, or empty when it is not a simple-signing claim. */
    static Optional<String> claimedDigest(byte[] payload, ObjectMapper json) {
        try {
            JsonNode critical = json.readTree(payload).path("critical");
            if (!TYPE.equals(critical.path("type").asText())) {
                return Optional.empty();
            }
            return Optional.of(critical.path("image").path("docker-manifest-digest").asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
