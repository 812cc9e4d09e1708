package dev.nsg.dhpush.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.ImageInfo;
import dev.nsg.dhpush.failure.EngineUnavailableException;
import dev.nsg.dhpush.failure.VerificationFailedException;
import dev.nsg.dhpush.failure.VerificationFailedException.Reason;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.ManifestHead;
import dev.nsg.dhpush.registry.RegistryClient;
import dev.nsg.dhpush.registry.RegistryClientFactory;

/**
 * Proof that a push arrived: the registry itself, asked by manifest HEAD (no pull quota spent), must serve each tag
 * under exactly the expected digest. Also answers what a registry serves for a tag, and lists a repository's tags.
 */
@ApplicationScoped
public class VerifyTags {

    private final RegistryClientFactory registries;

    VerifyTags(RegistryClientFactory registries) {
        this.registries = registries;
    }

    /** A client for the repository; {@code push} asks for push access too, as the preflight needs. */
    public RegistryClient open(ImageReference repository, Optional<Credentials> credentials, boolean push, RegistryAccess access) {
        return registries.open(repository, credentials, push, access.insecureHosts(), access.extraCa(), access.certsDirectories());
    }

    /**
     * Checks every tag: present, and with its expected digest where one is given; a tag with none expected is reported
     * with the digest the registry serves. The first absence or mismatch fails with exit 7.
     */
    public List<VerifiedTag> verify(RegistryClient registry, ImageReference repository, Map<Tag, Optional<Digest>> expected,
            PublishListener listener) {
        listener.phase("verify", repository.fullName() + " on " + repository.apiHost());
        List<VerifiedTag> verified = new ArrayList<>();
        for (Map.Entry<Tag, Optional<Digest>> entry : expected.entrySet()) {
            Tag tag = entry.getKey();
            String image = repository.fullName() + ":" + tag;
            ManifestHead head = registry.headManifest(tag.value()).orElseThrow(() -> new VerificationFailedException(Reason.TAG_ABSENT,
                    "verify " + image + ": the registry has no such tag" + entry.getValue().map(d -> " (expected " + d + ")").orElse("")));
            if (entry.getValue().isPresent() && !head.digest().equals(entry.getValue().get())) {
                throw new VerificationFailedException(Reason.OTHER_DIGEST,
                        "verify " + image + ": the registry serves " + head.digest() + ", expected " + entry.getValue().get());
            }
            VerifiedTag result = new VerifiedTag(repository, tag, head.digest(), head.rateLimit(), entry.getValue().isPresent());
            listener.verified(result);
            verified.add(result);
        }
        return verified;
    }

    /**
     * The digest to expect for a tag when none is given: the repo digest this engine recorded when it pushed the image
     * to (or pulled it from) the repository. Empty, with a notice, when there is nothing to compare with: no engine
     * answers, no such local image, or a local image never pushed there from this engine.
     */
    public Optional<Digest> localRepoDigest(DockerEngine engine, ImageReference repository, Tag tag, PublishListener listener) {
        String name = repository.withTag(tag);
        Optional<ImageInfo> image;
        try {
            image = engine.inspect(name);
        } catch (EngineUnavailableException e) {
            if (e.reason() != EngineUnavailableException.Reason.UNREACHABLE && e.reason() != EngineUnavailableException.Reason.SILENT) {
                throw e;
            }
            listener.notice("no Docker engine answers at " + e.address() + ": showing the digest the registry serves for "
                    + tag + ", with nothing to compare it with");
            return Optional.empty();
        }
        if (image.isEmpty()) {
            listener.notice("this engine has no image " + name + ": showing the digest the registry serves for " + tag);
            return Optional.empty();
        }
        Optional<Digest> pushed = repoDigest(image.get(), repository);
        if (pushed.isEmpty()) {
            listener.notice("the local image " + name + " was never pushed to " + repository.fullName() + " from this engine:"
                    + " showing the digest the registry serves for " + tag + ", with nothing to compare it with");
        }
        return pushed;
    }

    /** The digest this engine recorded for the image in that repository, if it pushed it there or pulled it from there. */
    static Optional<Digest> repoDigest(ImageInfo image, ImageReference repository) {
        return repoDigests(image, repository).stream().findFirst();
    }

    /** Every digest this engine recorded for the image in that repository. */
    static List<Digest> repoDigests(ImageInfo image, ImageReference repository) {
        List<Digest> digests = new ArrayList<>();
        for (String repoDigest : image.repoDigests()) {
            int at = repoDigest.indexOf('@');
            String named = at < 0 ? "" : repoDigest.substring(0, at);
            if (named.equals(repository.engineName()) || named.equals(repository.fullName())) {
                digests.add(Digest.of(repoDigest.substring(at + 1)));
            }
        }
        return digests;
    }

    public List<String> listTags(ImageReference repository, Optional<Credentials> credentials, RegistryAccess access) {
        try (RegistryClient registry = open(repository, credentials, false, access)) {
            return registry.listTags();
        }
    }
}
