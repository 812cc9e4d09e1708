package dev.nsg.dhpush.app;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.RateLimit;

/**
 * A tag the registry serves: with exactly the expected digest, or, where nothing was expected ({@code verify} with no
 * digest and no local image), with the digest it answered.
 *
 * @param compared whether the digest was checked against an expected one
 */
public record VerifiedTag(ImageReference repository, Tag tag, Digest digest, RateLimit rateLimit, boolean compared) {

    /** {@code docker.io/user/app:42@sha256:…}: the line scripts read from stdout. */
    public String pinned() {
        return repository.fullName() + ":" + tag + "@" + digest;
    }
}
