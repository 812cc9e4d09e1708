package dev.nsg.dhpush.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A DSSE envelope (secure-systems-lab's signing spec), the form of cosign's attestations: the payload in base64, and
 * signatures over its pre-authentication encoding, never over the base64 text.
 */
final class DsseEnvelope {

    static final String IN_TOTO = "application/vnd.in-toto+json";

    private DsseEnvelope() {
    }

    /** PAE(type, body) = "DSSEv1" SP len(type) SP type SP len(body) SP body, lengths in bytes as decimal ASCII. */
    static byte[] preAuthenticationEncoding(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        encoded.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        encoded.writeBytes(type);
        encoded.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        encoded.writeBytes(payload);
        return encoded.toByteArray();
    }

    static byte[] signed(byte[] statement, SigningKey key, ObjectMapper json) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("payloadType", IN_TOTO);
        envelope.put("payload", Base64.getEncoder().encodeToString(statement));
        envelope.putArray("signatures").addObject().put("keyid", "")
                .put("sig", Base64.getEncoder().encodeToString(key.sign(preAuthenticationEncoding(IN_TOTO, statement))));
        try {
            return json.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JSON tree in memory failed", e);
        }
    }

    /** The in-toto statement inside, when one of the envelope's signatures verifies with {@code key}; else empty. */
    static Optional<byte[]> verifiedStatement(byte[] envelope, PublicKeys.Verifier key, ObjectMapper json) {
        try {
            JsonNode root = json.readTree(envelope);
            if (!IN_TOTO.equals(root.path("payloadType").asText())) {
                return Optional.empty();
            }
            byte[] statement = Base64.getDecoder().decode(root.path("payload").asText());
            byte[] signed = preAuthenticationEncoding(IN_TOTO, statement);
            for (JsonNode signature : root.path("signatures")) {
                if (key.verifies(signed, ImageSigner.decode(signature.path("sig").asText()))) {
                    return Optional.of(statement);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not an envelope dhpush can read: it verifies nothing
        }
        return Optional.empty();
    }
}
