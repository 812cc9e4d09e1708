package dev.nsg.dhpush.signing;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nsg.dhpush.model.Digest;

/** The in-toto v1 statement around a SLSA v1 provenance predicate, with the pushed image as its one subject. */
final class ProvenanceStatement {

    static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";

    private ProvenanceStatement() {
    }

    /** @param repository the subject's name, as cosign writes it (registry/repository, no tag) */
    static byte[] of(String repository, Digest image, BuildProvenance provenance, ObjectMapper json) {
        ObjectNode statement = json.createObjectNode();
        statement.put("_type", STATEMENT_TYPE);
        ObjectNode subject = statement.putArray("subject").addObject();
        subject.put("name", repository);
        subject.putObject("digest").put("sha256", hex(image));
        statement.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = statement.putObject("predicate");
        ObjectNode definition = predicate.putObject("buildDefinition");
        definition.put("buildType", provenance.buildType());
        definition.set("externalParameters", json.valueToTree(provenance.externalParameters()));
        definition.set("internalParameters", json.valueToTree(provenance.internalParameters()));
        ArrayNode dependencies = definition.putArray("resolvedDependencies");
        for (BuildProvenance.Dependency dependency : provenance.dependencies()) {
            ObjectNode entry = dependencies.addObject();
            entry.put("uri", dependency.uri());
            ObjectNode digests = entry.putObject("digest");
            dependency.digest().forEach(digests::put);
        }
        ObjectNode run = predicate.putObject("runDetails");
        ObjectNode builder = run.putObject("builder");
        builder.put("id", provenance.builderId());
        builder.putObject("version").put("dhpush", provenance.builderVersion());
        ObjectNode metadata = run.putObject("metadata");
        if (provenance.invocationId() != null) {
            metadata.put("invocationId", provenance.invocationId());
        }
        metadata.put("startedOn", provenance.startedOn().toString());
        metadata.put("finishedOn", provenance.finishedOn().toString());
        try {
            return json.writeValueAsBytes(statement);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JSON tree in memory failed", e);
        }
    }

    /** Whether a statement is SLSA v1 provenance naming {@code image} among its subjects. */
    static boolean isProvenanceOf(byte[] statement, Digest image, ObjectMapper json) {
        try {
            JsonNode root = json.readTree(statement);
            if (!PREDICATE_TYPE.equals(root.path("predicateType").asText())) {
                return false;
            }
            for (JsonNode subject : root.path("subject")) {
                if (hex(image).equals(subject.path("digest").path("sha256").asText())) {
                    return true;
                }
            }
        } catch (IOException e) {
            // not JSON: not provenance
        }
        return false;
    }

    private static String hex(Digest image) {
        return image.value().substring("sha256:".length());
    }

    static Map<String, String> layerAnnotations() {
        // cosign refuses an attestation layer without the signature annotation, empty as it is (the signature is in
        // the envelope); the predicate type lets readers filter without fetching the blob.
        return Map.of(CosignLayer.SIGNATURE_ANNOTATION, "", "predicateType", PREDICATE_TYPE);
    }
}
