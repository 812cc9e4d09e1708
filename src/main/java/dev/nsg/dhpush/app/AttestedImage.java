package dev.nsg.dhpush.app;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;

/**
 * A signed SLSA provenance stored beside an image, as {@code cosign attest} stores it.
 *
 * @param key         where the signing key came from, never the key
 * @param tag         the attestation manifest's tag ({@code sha256-<hex>.att})
 * @param attestation the digest of that manifest
 */
public record AttestedImage(ImageReference repository, Digest image, String key, String tag, Digest attestation) {
}
