package dev.nsg.dhpush.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/**
 * An ECDSA P-256 key pair that signs as cosign does: SHA-256, the signature ASN.1 DER encoded. {@code source} names
 * where it came from (a file, a variable) for messages; {@code toString} never shows the key.
 */
public record SigningKey(PrivateKey privateKey, ECPublicKey publicKey, String source) {

    byte[] sign(byte[] payload) {
        try {
            // A new Signature each time: the JDK's instances are not thread-safe and none is kept in a static field,
            // so nothing is initialised while a native image is being built.
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(privateKey);
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's SHA256withECDSA refused a P-256 key it had parsed", e);
        }
    }

    public PublicKeys.Verifier verifier() {
        return new PublicKeys.Verifier(publicKey, source);
    }

    @Override
    public String toString() {
        return "SigningKey[" + source + "]";
    }
}
