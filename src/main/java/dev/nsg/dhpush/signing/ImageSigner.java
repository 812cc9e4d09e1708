package dev.nsg.dhpush.signing;

import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.registry.RegistryArtifacts;

/**
 * Signs a pushed image as {@code cosign sign --key} does: the simple-signing payload becomes a layer of the
 * {@code sha256-<hex>.sig} manifest, its ECDSA signature in the layer's annotation. Signatures already there (other
 * keys, earlier runs) are kept and this one appended; a signature of this key on this payload is not added twice.
 */
public final class ImageSigner {

    /** Where the signature is: the tag, the manifest's digest, and whether this run added it or found it there. */
    public record Signature(String tag, Digest manifest, boolean added) {
    }

    private final ObjectMapper json;
    private final CosignArtifacts artifacts;

    public ImageSigner(ObjectMapper json) {
        this.json = json;
        this.artifacts = new CosignArtifacts(json);
    }

    /** @param repository the repository as signed ({@code ImageReference.signedName()}) */
    public Signature sign(RegistryArtifacts registry, String repository, Digest image, SigningKey key) {
        byte[] payload = SimpleSigningPayload.of(repository, image, json);
        Digest payloadDigest = RegistryArtifacts.digestOf(payload);
        String tag = CosignManifest.tagFor(image, "sig");
        CosignArtifacts.Layers existing = artifacts.read(registry, tag, true);
        PublicKeys.Verifier ours = key.verifier();
        for (CosignLayer layer : existing.layers()) {
            if (layer.digest().equals(payloadDigest.value()) && ours.verifies(payload, decode(layer.signature()))) {
                return new Signature(tag, existing.manifest().orElseThrow(), false);
            }
        }
        CosignLayer layer = new CosignLayer(CosignLayer.SIMPLE_SIGNING, payload.length, payloadDigest.value(),
                Map.of(CosignLayer.SIGNATURE_ANNOTATION, Base64.getEncoder().encodeToString(key.sign(payload))));
        return new Signature(tag, artifacts.append(registry, tag, existing.layers(), layer, payload), true);
    }

    /** A signature annotation as bytes; one that is not base64 (another tool's garbage) matches nothing. */
    static byte[] decode(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
