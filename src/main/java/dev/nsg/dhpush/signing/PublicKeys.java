package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/** Public keys as {@code cosign generate-key-pair} and {@code openssl pkey -pubout} write them (PEM {@code PUBLIC KEY}). */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** A P-256 public key that checks cosign's signatures; {@code source} names it in messages. */
    public record Verifier(ECPublicKey key, String source) {

        /** Whether {@code signature} (ASN.1 DER, as cosign writes it) is this key's signature of {@code payload}. */
        public boolean verifies(byte[] payload, byte[] signature) {
            try {
                Signature check = Signature.getInstance("SHA256withECDSA");
                check.initVerify(key);
                check.update(payload);
                return check.verify(signature);
            } catch (GeneralSecurityException e) {
                return false; // a malformed signature (another tool's layer) is not ours
            }
        }
    }

    /** @param source what to call the key in messages: its file name */
    public static Verifier read(byte[] pem, String source) {
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            object = reader.readPemObject();
        } catch (IOException e) {
            object = null;
        }
        if (object == null || !"PUBLIC KEY".equals(object.getType())) {
            throw new InvalidInputException(Problem.VERIFY_KEY, source, "read public key " + source + ": "
                    + (object == null ? "no PEM block in it" : "it holds a " + object.getType() + ", not a PUBLIC KEY"));
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(object.getContent()));
            if (key instanceof ECPublicKey ec && P256.is(ec.getParams())) {
                return new Verifier(ec, source);
            }
        } catch (GeneralSecurityException e) {
            // not an EC key: said below
        }
        throw new InvalidInputException(Problem.VERIFY_KEY, source, "read public key " + source
                + ": it is not an ECDSA P-256 key, the only kind cosign's key pairs use");
    }
}
