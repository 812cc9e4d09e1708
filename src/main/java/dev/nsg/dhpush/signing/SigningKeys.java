package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/**
 * Reads the signing key in the forms users have: cosign's encrypted key ({@code cosign generate-key-pair}: scrypt and
 * secretbox around PKCS#8), and plain P-256 keys from openssl (PKCS#8 {@code PRIVATE KEY}, SEC1 {@code EC PRIVATE
 * KEY}). Everything is checked here, before a build starts: a wrong password fails the run before it costs minutes.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /**
     * @param pem      the key file's bytes
     * @param source   what to call the key in messages (its file name, or the variable that held it)
     * @param password the password of an encrypted key; empty when none can be had (asked only for an encrypted key)
     */
    public static SigningKey read(byte[] pem, String source, Supplier<Optional<byte[]>> password, ObjectMapper json) {
        PemObject object = firstPemObject(pem);
        if (object == null) {
            throw refused(source, "no PEM block in it (a key from cosign generate-key-pair or openssl genpkey is wanted)");
        }
        PrivateKey key = switch (object.getType()) {
            case "ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY" -> pkcs8(decrypt(object, source, password, json), source);
            case "PRIVATE KEY" -> pkcs8(object.getContent(), source);
            case "EC PRIVATE KEY" -> sec1(pem, source);
            case "ENCRYPTED PRIVATE KEY" -> throw refused(source, "it is an openssl-encrypted PKCS#8 key, which cosign cannot read either;"
                    + " import it with cosign import-key-pair, or decrypt it with openssl pkey");
            default -> throw refused(source, "it holds a " + object.getType() + ", not a private key");
        };
        if (!(key instanceof ECPrivateKey ec) || !P256.is(ec.getParams())) {
            throw refused(source, "it is not an ECDSA P-256 key, the only kind cosign signs with");
        }
        SigningKey pair = new SigningKey(ec, P256.publicKeyOf(ec), source);
        // One probe signature, checked with the derived public key: every JCA service signing needs runs now, before
        // the build (in the native executable too), and a key whose halves disagree cannot sign an image unnoticed.
        byte[] probe = "dhpush signing key probe".getBytes(StandardCharsets.US_ASCII);
        if (!pair.verifier().verifies(probe, pair.sign(probe))) {
            throw refused(source, "a signature made with it does not verify with its own public key");
        }
        return pair;
    }

    /** The first PEM block that is not EC PARAMETERS, which openssl ecparam -genkey writes before the key. */
    private static PemObject firstPemObject(byte[] pem) {
        try (PemReader reader = new PemReader(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            PemObject object = reader.readPemObject();
            while (object != null && "EC PARAMETERS".equals(object.getType())) {
                object = reader.readPemObject();
            }
            return object;
        } catch (IOException e) {
            return null; // a PEM header without a valid body: as good as none
        }
    }

    private static byte[] decrypt(PemObject object, String source, Supplier<Optional<byte[]>> password, ObjectMapper json) {
        EncryptedKeyEnvelope envelope;
        try {
            envelope = EncryptedKeyEnvelope.parse(object.getContent(), json);
        } catch (IllegalArgumentException e) {
            throw refused(source, e.getMessage());
        }
        byte[] secret = password.get().orElseThrow(() -> new InvalidInputException(Problem.SIGNING_KEY_PASSWORD, source,
                "open signing key " + source + ": it is encrypted and no password was given"));
        try {
            return envelope.open(secret).orElseThrow(() -> new InvalidInputException(Problem.SIGNING_KEY_PASSWORD, source,
                    "open signing key " + source + ": the password does not open it"));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static PrivateKey pkcs8(byte[] der, String source) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw refused(source, "it is not a PKCS#8 EC key (an RSA or other key? cosign signs with ECDSA P-256 only)");
        }
    }

    /** SEC1 ({@code openssl ecparam -genkey}): the JDK has no parser for it, Bouncy Castle's PEM parser has. */
    private static PrivateKey sec1(byte[] pem, String source) {
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PEMKeyPair pair) {
                    return new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
                }
            }
        } catch (IOException e) {
            // said below
        }
        throw refused(source, "its EC PRIVATE KEY block cannot be read");
    }

    private static InvalidInputException refused(String source, String reason) {
        return new InvalidInputException(Problem.SIGNING_KEY, source, "read signing key " + source + ": " + reason);
    }
}
