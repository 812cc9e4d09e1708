package dev.nsg.dhpush.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.ImageInfo;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.VerificationFailedException;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.ManifestHead;
import dev.nsg.dhpush.registry.RegistryClient;
import dev.nsg.dhpush.registry.RegistryClientFactory;

/**
 * Proof that a push arrived: the registry itself, asked by manifest HEAD (no pull quota spent), must serve each
 * tag under exactly the digest the push reported. Also lists what a repository holds.
 */
@ApplicationScoped
public class VerifyTags {

    private final RegistryClientFactory registries;

    VerifyTags(RegistryClientFactory registries) {
        this.registries = registries;
    }

    /** Checks every tag against its expected digest; the first mismatch or absence fails with exit 7. */
    public List<VerifiedTag> verify(ImageReference repository, Map<Tag, Digest> expected, Optional<Credentials> credentials,
            RegistryAccess access, PublishListener listener) {
        return verify(repository, expected, () -> open(repository, credentials, access), listener);
    }

    /** Starts opening the registry client now, for a verification that comes after a build or push. */
    PendingRegistryClient openInBackground(ImageReference repository, Optional<Credentials> credentials, RegistryAccess access) {
        return PendingRegistryClient.open(() -> open(repository, credentials, access));
    }

    private RegistryClient open(ImageReference repository, Optional<Credentials> credentials, RegistryAccess access) {
        return registries.open(repository, credentials, access.insecureHosts(), access.extraCa());
    }

    private List<VerifiedTag> verify(ImageReference repository, Map<Tag, Digest> expected, Supplier<RegistryClient> client,
            PublishListener listener) {
        listener.phase("verify", repository.fullName() + " on " + repository.apiHost());
        RegistryClient registry = client.get();
        List<VerifiedTag> verified = new ArrayList<>();
        for (Map.Entry<Tag, Digest> entry : expected.entrySet()) {
            Tag tag = entry.getKey();
            String image = repository.fullName() + ":" + tag;
            ManifestHead head = registry.headManifest(tag.value()).orElseThrow(() -> new VerificationFailedException(
                    "verify " + image + ": the registry has no such tag (expected " + entry.getValue() + ")",
                    "the push did not arrive, or the tag was deleted since; push again"));
            if (!head.digest().equals(entry.getValue())) {
                throw new VerificationFailedException("verify " + image + ": the registry serves " + head.digest()
                        + ", expected " + entry.getValue(),
                        "another push replaced the tag in between, or a proxy rewrote it; check who else pushes to this repository");
            }
            VerifiedTag result = new VerifiedTag(repository, tag, head.digest(), head.rateLimit());
            listener.verified(result);
            verified.add(result);
        }
        listener.notice(registry.requestCount() + " registry request" + (registry.requestCount() == 1 ? "" : "s") + " to verify");
        return verified;
    }

    /** Verifies pushed tags: the digests come from the push stream. */
    List<VerifiedTag> verifyPushed(List<PushedTag> pushed, PendingRegistryClient registry, PublishListener listener) {
        if (pushed.isEmpty()) {
            return List.of();
        }
        Map<Tag, Digest> expected = new LinkedHashMap<>();
        pushed.forEach(tag -> expected.put(tag.tag(), tag.digest()));
        return verify(pushed.get(0).repository(), expected, registry::get, listener);
    }

    /**
     * The digest to expect for a tag when none is given: the repo digest the local engine recorded when it pushed
     * or pulled the image.
     */
    public Digest localRepoDigest(DockerEngine engine, ImageReference repository, Tag tag) {
        String name = repository.withTag(tag);
        ImageInfo image = engine.inspect(name).orElseThrow(() -> new InvalidInputException(
                "verify " + repository.fullName() + ":" + tag + ": no --digest given and the engine has no image " + name,
                "pass --digest sha256:…, or run where the image was pushed"));
        for (String repoDigest : image.repoDigests()) {
            int at = repoDigest.indexOf('@');
            String named = repoDigest.substring(0, at);
            if (named.equals(repository.engineName()) || named.equals(repository.fullName())) {
                return Digest.of(repoDigest.substring(at + 1));
            }
        }
        throw new InvalidInputException("verify " + repository.fullName() + ":" + tag + ": the local image has no digest for this repository"
                + " (it was never pushed from or pulled into this engine)", "pass --digest sha256:…");
    }

    public List<String> listTags(ImageReference repository, Optional<Credentials> credentials, RegistryAccess access) {
        return open(repository, credentials, access).listTags();
    }
}
