package dev.nsg.dhpush.app;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;

/** One tag the engine pushed, with the manifest digest the registry accepted. */
public record PushedTag(ImageReference repository, Tag tag, Digest digest) {

    /** {@code docker.io/user/app:42@sha256:…}: the line scripts read from stdout. */
    public String pinned() {
        return repository.fullName() + ":" + tag + "@" + digest;
    }
}
