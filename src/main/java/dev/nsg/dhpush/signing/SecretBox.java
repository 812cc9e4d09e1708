package dev.nsg.dhpush.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl's secretbox (XSalsa20 + Poly1305), the cipher of cosign's encrypted keys, composed from Bouncy Castle's
 * lightweight engines: Bouncy Castle has the two parts but not the box (x/crypto/nacl/secretbox is the reference).
 * A box is the 16-byte tag followed by the ciphertext; the first 32 bytes of keystream are Poly1305's one-time key.
 */
final class SecretBox {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 24;
    private static final int TAG_BYTES = 16;

    private SecretBox() {
    }

    /** The plaintext, or empty when the tag does not match (a wrong key, here: a wrong password). */
    static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] box) {
        if (box.length < TAG_BYTES) {
            return Optional.empty();
        }
        XSalsa20Engine stream = keyStream(key, nonce);
        Poly1305 mac = oneTimeMac(stream);
        mac.update(box, TAG_BYTES, box.length - TAG_BYTES);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);
        if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(tag, Arrays.copyOf(box, TAG_BYTES))) {
            return Optional.empty();
        }
        byte[] plain = new byte[box.length - TAG_BYTES];
        stream.processBytes(box, TAG_BYTES, plain.length, plain, 0);
        return Optional.of(plain);
    }

    /** The box of {@code plain}: what cosign's key writer makes (used to write keys, as the tests do). */
    static byte[] seal(byte[] key, byte[] nonce, byte[] plain) {
        XSalsa20Engine stream = keyStream(key, nonce);
        byte[] box = new byte[TAG_BYTES + plain.length];
        Poly1305 mac = oneTimeMac(stream);
        stream.processBytes(plain, 0, plain.length, box, TAG_BYTES);
        mac.update(box, TAG_BYTES, plain.length);
        mac.doFinal(box, 0);
        return box;
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static XSalsa20Engine keyStream(byte[] key, byte[] nonce) {
        XSalsa20Engine stream = new XSalsa20Engine();
        stream.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return stream;
    }

    /** Poly1305 keyed with the stream's first 32 bytes, which the stream then moves past. */
    private static Poly1305 oneTimeMac(XSalsa20Engine stream) {
        byte[] polyKey = new byte[32];
        stream.processBytes(new byte[32], 0, 32, polyKey, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(polyKey));
        return mac;
    }
}
