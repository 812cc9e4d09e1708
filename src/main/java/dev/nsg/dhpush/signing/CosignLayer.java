package dev.nsg.dhpush.signing;

import java.util.Map;
import java.util.Optional;

import dev.nsg.dhpush.model.Digest;

/**
 * One layer of a cosign {@code .sig} or {@code .att} manifest: a payload blob and the annotations that sign it. The
 * digest stays a string: a layer another tool wrote in a form dhpush does not read is carried over as it is.
 */
record CosignLayer(String mediaType, long size, String digest, Map<String, String> annotations) {

    static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
    static final String SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";

    /** The layer's digest where it is one dhpush can fetch and check. */
    Optional<Digest> sha256() {
        return digest.matches("sha256:[a-f0-9]{64}") ? Optional.of(Digest.of(digest)) : Optional.empty();
    }

    String signature() {
        return annotations.getOrDefault(SIGNATURE_ANNOTATION, "");
    }
}
