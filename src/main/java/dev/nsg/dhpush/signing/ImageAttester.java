package dev.nsg.dhpush.signing;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.registry.RegistryArtifacts;

/**
 * Attaches a signed SLSA v1 provenance to a pushed image as {@code cosign attest --type slsaprovenance1 --key} does:
 * the DSSE envelope becomes a layer of the {@code sha256-<hex>.att} manifest. Earlier attestations stay; every run
 * adds its own, as cosign's attest does.
 */
public final class ImageAttester {

    /** Where the attestation is: the tag and the manifest's digest. */
    public record Attestation(String tag, Digest manifest) {
    }

    static final String DSSE_LAYER = "application/vnd.dsse.envelope.v1+json";

    private final ObjectMapper json;
    private final CosignArtifacts artifacts;

    public ImageAttester(ObjectMapper json) {
        this.json = json;
        this.artifacts = new CosignArtifacts(json);
    }

    public Attestation attest(RegistryArtifacts registry, String repository, Digest image, BuildProvenance provenance, SigningKey key) {
        byte[] envelope = DsseEnvelope.signed(ProvenanceStatement.of(repository, image, provenance, json), key, json);
        String tag = CosignManifest.tagFor(image, "att");
        CosignArtifacts.Layers existing = artifacts.read(registry, tag, true);
        CosignLayer layer = new CosignLayer(DSSE_LAYER, envelope.length, RegistryArtifacts.digestOf(envelope).value(),
                ProvenanceStatement.layerAnnotations());
        return new Attestation(tag, artifacts.append(registry, tag, existing.layers(), layer, envelope));
    }

    /** How many provenance attestations of {@code image} verify with {@code key}, of how many there are. */
    public record Found(String tag, int attestations, int valid) {
    }

    public Found check(RegistryArtifacts registry, Digest image, PublicKeys.Verifier key) {
        String tag = CosignManifest.tagFor(image, "att");
        int attestations = 0;
        int valid = 0;
        for (CosignLayer layer : artifacts.read(registry, tag, false).layers()) {
            if (!DSSE_LAYER.equals(layer.mediaType()) || layer.sha256().isEmpty()) {
                continue;
            }
            attestations++;
            boolean provesThisImage = DsseEnvelope.verifiedStatement(registry.blob(layer.sha256().get()), key, json)
                    .filter(statement -> ProvenanceStatement.isProvenanceOf(statement, image, json)).isPresent();
            if (provesThisImage) {
                valid++;
            }
        }
        return new Found(tag, attestations, valid);
    }
}
