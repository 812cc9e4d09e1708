package dev.nsg.dhpush.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.model.Digest;

/** The byte forms cosign writes and checks, as cosign 2.5 wrote them (../shared/research/signing.md). */
class CosignFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Digest IMAGE = Digest.of("sha256:" + "3b".repeat(32));

    @Test
    void simpleSigningPayload_isCosignsCompactJson_withoutATrailingNewline() {
        String payload = new String(SimpleSigningPayload.of("127.0.0.1:5010/spike/sig", IMAGE, JSON), StandardCharsets.UTF_8);
        assertEquals("{\"critical\":{\"identity\":{\"docker-reference\":\"127.0.0.1:5010/spike/sig\"},\"image\":{\"docker-manifest-digest\":\""
                + IMAGE + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}", payload);
        assertEquals(IMAGE.value(), SimpleSigningPayload.claimedDigest(payload.getBytes(StandardCharsets.UTF_8), JSON).orElseThrow());
    }

    @Test
    void config_forOneLayer_isByteForByteCosigns_233Bytes() {
        String layer = "sha256:" + "ab".repeat(32);
        byte[] config = CosignManifest.config(List.of(new CosignLayer(CosignLayer.SIMPLE_SIGNING, 240, layer, Map.of())), JSON);
        assertEquals("{\"architecture\":\"\",\"created\":\"0001-01-01T00:00:00Z\",\"history\":[{\"created\":\"0001-01-01T00:00:00Z\"}],"
                + "\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layer + "\"]},\"config\":{}}",
                new String(config, StandardCharsets.UTF_8));
        assertEquals(233, config.length);
    }

    @Test
    void signatureTag_isTheDigestWithADash_andTheSuffix() {
        assertEquals("sha256-" + "3b".repeat(32) + ".sig", CosignManifest.tagFor(IMAGE, "sig"));
    }

    @Test
    void preAuthenticationEncoding_isDsseV1s() {
        byte[] encoded = DsseEnvelope.preAuthenticationEncoding(DsseEnvelope.IN_TOTO, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("DSSEv1 28 application/vnd.in-toto+json 2 {}", new String(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void dsseEnvelope_verifiesWithTheSignersKeyOnly() {
        SigningKey key = SigningKeys.read(TestKeys.pem("PRIVATE KEY", TestKeys.newP256().getPrivate().getEncoded())
                .getBytes(StandardCharsets.US_ASCII), "k", java.util.Optional::empty, JSON);
        byte[] statement = "{\"predicateType\":\"https://slsa.dev/provenance/v1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] envelope = DsseEnvelope.signed(statement, key, JSON);
        assertTrue(DsseEnvelope.verifiedStatement(envelope, key.verifier(), JSON).isPresent());
        PublicKeys.Verifier other = new PublicKeys.Verifier((java.security.interfaces.ECPublicKey) TestKeys.newP256().getPublic(), "other");
        assertTrue(DsseEnvelope.verifiedStatement(envelope, other, JSON).isEmpty());
    }
}
