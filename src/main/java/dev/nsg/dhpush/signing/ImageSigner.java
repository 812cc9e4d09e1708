package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.RegistryUnavailableException;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.registry.RegistryArtifacts;
import dev.nsg.dhpush.registry.RegistryArtifacts.StoredManifest;

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

    public ImageSigner(ObjectMapper json) {
        this.json = json;
    }

    /** @param repository the repository as signed ({@code ImageReference.signedName()}) */
    public Signature sign(RegistryArtifacts registry, String repository, Digest image, SigningKey key) {
        byte[] payload = SimpleSigningPayload.of(repository, image, json);
        Digest payloadDigest = RegistryArtifacts.digestOf(payload);
        String tag = CosignManifest.tagFor(image, "sig");
        Optional<StoredManifest> existing = registry.manifest(tag, CosignManifest.MEDIA_TYPE);
        List<CosignLayer> layers = new ArrayList<>(existing.map(stored -> layersOf(registry, tag, stored)).orElse(List.of()));
        PublicKeys.Verifier ours = key.verifier();
        for (CosignLayer layer : layers) {
            if (layer.digest().equals(payloadDigest.value()) && ours.verifies(payload, decode(layer.signature()))) {
                return new Signature(tag, existing.get().digest(), false);
            }
        }
        registry.putBlob(payload);
        layers.add(new CosignLayer(CosignLayer.SIMPLE_SIGNING, payload.length, payloadDigest.value(),
                Map.of(CosignLayer.SIGNATURE_ANNOTATION, Base64.getEncoder().encodeToString(key.sign(payload)))));
        byte[] config = CosignManifest.config(layers, json);
        registry.putBlob(config);
        return new Signature(tag, registry.putManifest(tag, CosignManifest.MEDIA_TYPE, CosignManifest.manifest(config, layers, json)), true);
    }

    private List<CosignLayer> layersOf(RegistryArtifacts registry, String tag, StoredManifest stored) {
        try {
            return CosignManifest.layers(stored.content(), json);
        } catch (IOException e) {
            // Appending to a manifest dhpush cannot read would drop what is there: refuse instead.
            throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, registry.repositoryName(),
                    "sign " + registry.repositoryName() + ": the signatures under " + tag + " are not a manifest dhpush can read,"
                            + " so none was added to them");
        }
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
