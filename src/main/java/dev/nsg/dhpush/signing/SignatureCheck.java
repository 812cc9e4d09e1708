package dev.nsg.dhpush.signing;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.registry.RegistryArtifacts;

/**
 * Checks an image's cosign signatures against one public key, as {@code cosign verify --key} does offline: a
 * signature counts when its payload claims this very digest and the key verifies it over the payload's bytes.
 */
public final class SignatureCheck {

    /** What the {@code .sig} manifest held: how many simple-signing layers, and how many the key verifies. */
    public record Found(String tag, Optional<Digest> manifest, int signatures, int valid) {
    }

    private final ObjectMapper json;

    public SignatureCheck(ObjectMapper json) {
        this.json = json;
    }

    public Found check(RegistryArtifacts registry, Digest image, PublicKeys.Verifier key) {
        String tag = CosignManifest.tagFor(image, "sig");
        CosignArtifacts.Layers stored = new CosignArtifacts(json).read(registry, tag, false);
        if (stored.manifest().isEmpty()) {
            return new Found(tag, Optional.empty(), 0, 0);
        }
        int signatures = 0;
        int valid = 0;
        for (CosignLayer layer : stored.layers()) {
            if (!CosignLayer.SIMPLE_SIGNING.equals(layer.mediaType()) || layer.sha256().isEmpty()) {
                continue;
            }
            signatures++;
            byte[] payload = registry.blob(layer.sha256().get());
            boolean claimsThisImage = SimpleSigningPayload.claimedDigest(payload, json).filter(image.value()::equals).isPresent();
            if (claimsThisImage && key.verifies(payload, ImageSigner.decode(layer.signature()))) {
                valid++;
            }
        }
        return new Found(tag, stored.manifest(), signatures, valid);
    }
}
