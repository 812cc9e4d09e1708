package dev.nsg.dhpush.app;

import java.util.List;
import java.util.Optional;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.ImageInfo;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.RegistryClient;

/**
 * One image to push under every tag of a run.
 *
 * @param image the image every tag must name: the one just built, or the one behind the first tag
 * @param retag the tags to point at {@code image} locally before pushing (they named another image, or none)
 * @param registry a client whose push access the preflight proved
 * @param policy whether tags holding another image may move, and the key to sign with
 * @param build what the run built, for the provenance; empty when it pushes an image built before
 */
record PushJob(ImageReference repository, List<Tag> tags, ImageInfo image, List<Tag> retag, DockerEngine engine,
        Optional<Credentials> credentials, RegistryClient registry, PushPolicy policy, Optional<BuildRecord> build) {
}
