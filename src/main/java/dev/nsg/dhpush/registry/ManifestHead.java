package dev.nsg.dhpush.registry;

import dev.nsg.dhpush.model.Digest;

/** What a manifest HEAD says: the digest the registry serves for the tag, its media type, and the rate limit. */
public record ManifestHead(Digest digest, String mediaType, RateLimit rateLimit) {
}
