package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.RegistryUnavailableException;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.registry.RegistryArtifacts;
import dev.nsg.dhpush.registry.RegistryArtifacts.StoredManifest;

/**
 * The {@code .sig} and {@code .att} manifests beside an image, read and appended to as cosign does: the layers there
 * stay, the new one goes last, and the config is rebuilt for them all. Two writers appending at the same moment can
 * lose one layer (the registry has no compare-and-swap on tags); cosign has the same limit.
 */
final class CosignArtifacts {

    /** The layers under a tag, and the stored manifest's digest (empty when there is none yet). */
    record Layers(List<CosignLayer> layers, Optional<Digest> manifest) {
    }

    private final ObjectMapper json;

    CosignArtifacts(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param strict whether a manifest dhpush cannot read fails (before appending to it: appending would drop what
     *               is there) or counts as holding nothing (when checking: nothing there can be trusted)
     */
    Layers read(RegistryArtifacts registry, String tag, boolean strict) {
        Optional<StoredManifest> stored = registry.manifest(tag, CosignManifest.MEDIA_TYPE);
        if (stored.isEmpty()) {
            return new Layers(List.of(), Optional.empty());
        }
        try {
            return new Layers(CosignManifest.layers(stored.get().content(), json), Optional.of(stored.get().digest()));
        } catch (IOException e) {
            if (!strict) {
                return new Layers(List.of(), Optional.of(stored.get().digest()));
            }
            throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, registry.repositoryName(),
                    "sign " + registry.repositoryName() + ": " + tag + " is not a manifest dhpush can read, so nothing was added to it");
        }
    }

    /** Uploads {@code blob}, then stores the manifest of {@code existing} plus {@code layer} under {@code tag}. */
    Digest append(RegistryArtifacts registry, String tag, List<CosignLayer> existing, CosignLayer layer, byte[] blob) {
        registry.putBlob(blob);
        List<CosignLayer> layers = new ArrayList<>(existing);
        layers.add(layer);
        byte[] config = CosignManifest.config(layers, json);
        registry.putBlob(config);
        return registry.putManifest(tag, CosignManifest.MEDIA_TYPE, CosignManifest.manifest(config, layers, json));
    }
}
