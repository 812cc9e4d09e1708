package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.crypto.generators.SCrypt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of cosign's {@code ENCRYPTED SIGSTORE PRIVATE KEY}: JSON naming scrypt's parameters and salt and the
 * secretbox's nonce, around the boxed PKCS#8 key (go-securesystemslib's encrypted package writes it).
 */
final class EncryptedKeyEnvelope {

    /** The only scrypt settings cosign's decrypter accepts: legacy, standard (its default) and OWASP's. */
    private static final Set<Integer> ACCEPTED_N = Set.of(32768, 65536, 131072);
    private static final int DEFAULT_N = 65536;

    private final int n;
    private final int r;
    private final int p;
    private final byte[] salt;
    private final byte[] nonce;
    private final byte[] box;

    private EncryptedKeyEnvelope(int n, int r, int p, byte[] salt, byte[] nonce, byte[] box) {
        this.n = n;
        this.r = r;
        this.p = p;
        this.salt = salt;
        this.nonce = nonce;
        this.box = box;
    }

    /** @throws IllegalArgumentException saying what is not as cosign writes it */
    static EncryptedKeyEnvelope parse(byte[] json, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("its body is not the JSON cosign writes");
        }
        String kdf = root.path("kdf").path("name").asText();
        String cipher = root.path("cipher").path("name").asText();
        if (!"scrypt".equals(kdf) || !"nacl/secretbox".equals(cipher)) {
            throw new IllegalArgumentException("it is encrypted with " + kdf + " and " + cipher + ", not scrypt and nacl/secretbox");
        }
        JsonNode params = root.path("kdf").path("params");
        int n = params.path("N").asInt();
        int r = params.path("r").asInt();
        int p = params.path("p").asInt();
        if (!ACCEPTED_N.contains(n) || r != 8 || p != 1) {
            throw new IllegalArgumentException("its scrypt parameters N=" + n + " r=" + r + " p=" + p
                    + " are none cosign accepts (N 32768, 65536 or 131072, r 8, p 1)");
        }
        byte[] salt = base64(root.path("kdf").path("salt"), "salt");
        byte[] nonce = base64(root.path("cipher").path("nonce"), "nonce");
        if (nonce.length != SecretBox.NONCE_BYTES) {
            throw new IllegalArgumentException("its nonce has " + nonce.length + " bytes, not " + SecretBox.NONCE_BYTES);
        }
        return new EncryptedKeyEnvelope(n, r, p, salt, nonce, base64(root.path("ciphertext"), "ciphertext"));
    }

    /** The PKCS#8 key inside, or empty when the password does not open the box. */
    Optional<byte[]> open(byte[] password) {
        return SecretBox.open(SCrypt.generate(password, salt, n, r, p, SecretBox.KEY_BYTES), nonce, box);
    }

    /** The envelope cosign would write for {@code pkcs8} under {@code password}, with its default scrypt settings. */
    static byte[] seal(byte[] pkcs8, byte[] password, ObjectMapper mapper) {
        byte[] salt = SecretBox.randomBytes(32);
        byte[] nonce = SecretBox.randomBytes(SecretBox.NONCE_BYTES);
        byte[] box = SecretBox.seal(SCrypt.generate(password, salt, DEFAULT_N, 8, 1, SecretBox.KEY_BYTES), nonce, pkcs8);
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("name", "scrypt");
        kdf.putObject("params").put("N", DEFAULT_N).put("r", 8).put("p", 1);
        kdf.put("salt", b64.encodeToString(salt));
        root.putObject("cipher").put("name", "nacl/secretbox").put("nonce", b64.encodeToString(nonce));
        root.put("ciphertext", b64.encodeToString(box));
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JSON tree in memory failed", e);
        }
    }

    private static byte[] base64(JsonNode node, String field) {
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its " + field + " is not base64");
        }
    }
}
