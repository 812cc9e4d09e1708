package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Throwaway key pairs for the tests, written in the forms users bring: cosign's encrypted key (as cosign's own writer
 * makes it: scrypt, secretbox, the JSON envelope) and the public key PEM beside it.
 */
public final class TestKeys {

    private TestKeys() {
    }

    public static KeyPair newP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The PEM text of {@code der} under {@code type}, in 64-character lines as Go's encoding/pem writes it. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public static String encryptedPem(KeyPair pair, String password) {
        byte[] envelope = EncryptedKeyEnvelope.seal(pair.getPrivate().getEncoded(), password.getBytes(StandardCharsets.UTF_8),
                new ObjectMapper());
        return pem("ENCRYPTED SIGSTORE PRIVATE KEY", envelope);
    }

    /** PREFIX.key (cosign's encrypted form) and PREFIX.pub in {@code directory}, as cosign generate-key-pair leaves them. */
    public static void writeCosignPair(Path directory, String prefix, String password) {
        KeyPair pair = newP256();
        try {
            Files.writeString(directory.resolve(prefix + ".key"), encryptedPem(pair, password));
            Files.writeString(directory.resolve(prefix + ".pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
