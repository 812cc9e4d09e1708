package dev.nsg.dhpush.registry;

import dev.nsg.dhpush.model.Digest;

/** What a manifest HEAD says: the digest the registry serves for the tag, and Docker Hub's rate-limit headers. */
public record ManifestHead(Digest digest, RateLimit rateLimit) {
}
