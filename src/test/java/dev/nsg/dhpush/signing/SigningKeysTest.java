package dev.nsg.dhpush.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

class SigningKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair PAIR = TestKeys.newP256();

    private static SigningKey read(String pem, String password) {
        return SigningKeys.read(pem.getBytes(StandardCharsets.US_ASCII), "test.key",
                () -> Optional.ofNullable(password).map(p -> p.getBytes(StandardCharsets.UTF_8)), JSON);
    }

    private static InvalidInputException refused(String pem, String password) {
        return assertThrows(InvalidInputException.class, () -> read(pem, password));
    }

    @Test
    void read_cosignEncryptedKey_withItsPassword_givesTheKeyPairItWasMadeFrom() {
        SigningKey key = read(TestKeys.encryptedPem(PAIR, "s3cret"), "s3cret");
        assertEquals(PAIR.getPublic(), key.publicKey());
        byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
        assertTrue(key.verifier().verifies(payload, key.sign(payload)), "the derived public key checks the key's own signature");
    }

    @Test
    void read_cosignEncryptedKey_withAnEmptyPassword_opens_asCosignAllows() {
        assertEquals(PAIR.getPublic(), read(TestKeys.encryptedPem(PAIR, ""), "").publicKey());
    }

    @Test
    void read_cosignEncryptedKey_withTheWrongPassword_isAPasswordProblem() {
        InvalidInputException wrong = refused(TestKeys.encryptedPem(PAIR, "s3cret"), "guess");
        assertEquals(Problem.SIGNING_KEY_PASSWORD, wrong.problem());
        assertEquals("open signing key test.key: the password does not open it", wrong.getMessage());
    }

    @Test
    void read_cosignEncryptedKey_withoutAnyPassword_isAPasswordProblem() {
        InvalidInputException none = refused(TestKeys.encryptedPem(PAIR, "s3cret"), null);
        assertEquals(Problem.SIGNING_KEY_PASSWORD, none.problem());
        assertTrue(none.getMessage().contains("it is encrypted and no password was given"), none.getMessage());
    }

    @Test
    void read_envelopeWithScryptSettingsCosignRefuses_isRefusedToo() throws Exception {
        String pem = TestKeys.encryptedPem(PAIR, "pw");
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        ObjectNode envelope = (ObjectNode) JSON.readTree(Base64.getDecoder().decode(body));
        ((ObjectNode) envelope.path("kdf").path("params")).put("N", 16384);
        InvalidInputException refused = refused(TestKeys.pem("ENCRYPTED SIGSTORE PRIVATE KEY", JSON.writeValueAsBytes(envelope)), "pw");
        assertEquals(Problem.SIGNING_KEY, refused.problem());
        assertTrue(refused.getMessage().contains("N=16384"), refused.getMessage());
    }

    @Test
    void read_plainPkcs8Key_needsNoPassword() {
        SigningKey key = read(TestKeys.pem("PRIVATE KEY", PAIR.getPrivate().getEncoded()), null);
        assertEquals(PAIR.getPublic(), key.publicKey());
    }

    @Test
    void read_keysOfOtherCurvesAndAlgorithms_areRefused_naming_P256() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        for (KeyPair other : new KeyPair[] {ec.generateKeyPair(), rsa.generateKeyPair()}) {
            InvalidInputException refused = refused(TestKeys.pem("PRIVATE KEY", other.getPrivate().getEncoded()), null);
            assertEquals(Problem.SIGNING_KEY, refused.problem());
            assertTrue(refused.getMessage().contains("P-256"), refused.getMessage());
        }
    }

    @Test
    void read_somethingElse_saysWhatItHolds() {
        assertTrue(refused("not a key", null).getMessage().contains("no PEM block"));
        assertTrue(refused(TestKeys.pem("PUBLIC KEY", PAIR.getPublic().getEncoded()), null).getMessage()
                .contains("it holds a PUBLIC KEY, not a private key"));
    }

    @Test
    void secretBox_sealThenOpen_roundTrips_andATamperedBoxDoesNotOpen() {
        byte[] key = SecretBox.randomBytes(SecretBox.KEY_BYTES);
        byte[] nonce = SecretBox.randomBytes(SecretBox.NONCE_BYTES);
        byte[] box = SecretBox.seal(key, nonce, "message".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("message".getBytes(StandardCharsets.UTF_8), SecretBox.open(key, nonce, box).orElseThrow());
        box[box.length - 1] ^= 1;
        assertTrue(SecretBox.open(key, nonce, box).isEmpty());
    }

    @Test
    void publicKeys_readsThePublicPem_andRefusesAPrivateOne() {
        PublicKeys.Verifier verifier = PublicKeys.read(TestKeys.pem("PUBLIC KEY", PAIR.getPublic().getEncoded())
                .getBytes(StandardCharsets.US_ASCII), "k.pub");
        assertEquals(PAIR.getPublic(), verifier.key());
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> PublicKeys.read(
                TestKeys.pem("PRIVATE KEY", PAIR.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII), "k.key"));
        assertEquals(Problem.VERIFY_KEY, refused.problem());
    }
}
