package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.registry.RegistryArtifacts;

/**
 * The OCI manifest cosign stores its signatures (and attestations) in, tagged {@code sha256-<hex>.sig} beside the
 * image, and the config blob it writes for it. Written field for field in cosign's order, so the config blob dhpush
 * makes for a set of layers is byte-identical to cosign's.
 */
final class CosignManifest {

    static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private CosignManifest() {
    }

    /** The tag cosign keeps the artifacts of {@code image} under: {@code sha256-<hex>.sig}, {@code .att}. */
    static String tagFor(Digest image, String suffix) {
        return image.value().replace(':', '-') + "." + suffix;
    }

    /** The layers of a stored manifest; a manifest that is not cosign's (no layers array) has none. */
    static List<CosignLayer> layers(byte[] manifest, ObjectMapper json) throws IOException {
        List<CosignLayer> layers = new ArrayList<>();
        for (JsonNode layer : json.readTree(manifest).path("layers")) {
            Map<String, String> annotations = new LinkedHashMap<>();
            layer.path("annotations").fields().forEachRemaining(entry -> annotations.put(entry.getKey(), entry.getValue().asText()));
            layers.add(new CosignLayer(layer.path("mediaType").asText(), layer.path("size").asLong(), layer.path("digest").asText(),
                    annotations));
        }
        return layers;
    }

    /** cosign's config: one history entry and one diff_id per layer (the layers are uncompressed, so diff_id = digest). */
    static byte[] config(List<CosignLayer> layers, ObjectMapper json) {
        ObjectNode config = json.createObjectNode();
        config.put("architecture", "");
        config.put("created", ZERO_TIME);
        ArrayNode history = config.putArray("history");
        layers.forEach(layer -> history.addObject().put("created", ZERO_TIME));
        config.put("os", "");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        layers.forEach(layer -> diffIds.add(layer.digest()));
        config.putObject("config");
        return write(config, json);
    }

    static byte[] manifest(byte[] config, List<CosignLayer> layers, ObjectMapper json) {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MEDIA_TYPE);
        ObjectNode configRef = manifest.putObject("config");
        configRef.put("mediaType", CONFIG_TYPE);
        configRef.put("size", config.length);
        configRef.put("digest", RegistryArtifacts.digestOf(config).value());
        ArrayNode layerRefs = manifest.putArray("layers");
        for (CosignLayer layer : layers) {
            ObjectNode ref = layerRefs.addObject();
            ref.put("mediaType", layer.mediaType());
            ref.put("size", layer.size());
            ref.put("digest", layer.digest());
            ObjectNode annotations = ref.putObject("annotations");
            layer.annotations().forEach(annotations::put);
        }
        return write(manifest, json);
    }

    private static byte[] write(ObjectNode node, ObjectMapper json) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JSON tree in memory failed", e);
        }
    }
}
