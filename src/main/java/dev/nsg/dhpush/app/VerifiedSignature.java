package dev.nsg.dhpush.app;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;

/**
 * An image whose cosign signatures were checked against a public key.
 *
 * @param key        where the public key came from (its file name)
 * @param tag        the signature manifest's tag ({@code sha256-<hex>.sig})
 * @param signatures how many signatures it holds
 * @param valid      how many of them the key verifies (at least one)
 */
public record VerifiedSignature(ImageReference repository, Digest image, String key, String tag, Digest signature, int signatures,
        int valid) {
}
