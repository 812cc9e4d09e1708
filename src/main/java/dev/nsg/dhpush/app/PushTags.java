package dev.nsg.dhpush.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.auth.RegistryAuth;
import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.AuthRefusedException.Refusal;
import dev.nsg.dhpush.failure.OverwriteRefusedException;
import dev.nsg.dhpush.failure.PushFailedException;
import dev.nsg.dhpush.failure.RegistryUnavailableException;
import dev.nsg.dhpush.failure.VerificationFailedException;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.ManifestHead;

/**
 * One image under every tag of a run: each tag is looked up first (a tag that already holds this image is not pushed
 * again; one that holds another is reported as moving, or refused with {@code noOverwrite}), local tags are pointed at
 * the image, each tag is pushed, and every tag must then verify on the registry to one and the same digest.
 */
@ApplicationScoped
class PushTags {

    static final Tag LATEST = Tag.of("latest");

    private final ObjectMapper json;
    private final VerifyTags verifier;
    private final ImageSignatures signatures;

    PushTags(ObjectMapper json, VerifyTags verifier, ImageSignatures signatures) {
        this.json = json;
        this.verifier = verifier;
        this.signatures = signatures;
    }

    List<VerifiedTag> publish(PushJob job, PublishListener listener) {
        List<TagState> states = lookUp(job);
        refuseOverwrites(job, states);
        LocalChanges.run(() -> {
            for (Tag tag : job.retag()) {
                job.engine().tag(job.image().id(), job.repository().engineName(), tag.value());
                listener.retagged(tag, job.image().id());
            }
        });
        Map<Tag, Optional<Digest>> expected = new LinkedHashMap<>();
        String auth = RegistryAuth.header(job.credentials(), job.repository().authConfigKey(), json);
        for (TagState state : states) {
            if (state.kind() == TagState.Kind.UNCHANGED) {
                listener.unchanged(state.tag(), state.held(), false);
                expected.put(state.tag(), Optional.of(state.held()));
                continue;
            }
            Digest pushed = push(job, state.tag(), auth, listener);
            if (state.kind() == TagState.Kind.MOVES) {
                if (pushed.equals(state.held())) {
                    listener.unchanged(state.tag(), pushed, true);
                } else {
                    listener.moved(state.tag(), state.held(), pushed);
                }
            }
            expected.put(state.tag(), Optional.of(pushed));
        }
        List<VerifiedTag> verified = verifier.verify(job.registry(), job.repository(), expected, listener);
        requireOneDigest(job.repository(), verified);
        job.policy().signingKey().ifPresent(key -> {
            signatures.sign(job.registry(), job.repository(), verified.get(0).digest(), key, listener);
            job.build().ifPresent(build -> signatures.attest(job.registry(), job.repository(), verified.get(0).digest(), key,
                    ProvenanceFacts.of(build, job.repository(), job.tags(), job.policy().run(), signatures.version()), listener));
        });
        int requests = job.registry().requestCount();
        String work = job.policy().signingKey().isPresent() ? "preflight, tag lookups, verification and signing"
                : "preflight, tag lookups and verification";
        listener.notice(requests + " registry request" + (requests == 1 ? "" : "s") + " (" + work + ")");
        return verified;
    }

    /** What the registry holds for each tag now, judged against the image about to be pushed. */
    private static List<TagState> lookUp(PushJob job) {
        List<TagState> states = new ArrayList<>();
        List<Digest> pushedBefore = VerifyTags.repoDigests(job.image(), job.repository());
        for (Tag tag : job.tags()) {
            Optional<Digest> held = job.registry().headManifest("look up", tag.value()).map(ManifestHead::digest);
            if (held.isEmpty()) {
                states.add(new TagState(tag, TagState.Kind.NEW, null));
            } else if (held.get().value().equals(job.image().id()) || pushedBefore.contains(held.get())) {
                // The registry serves a manifest this engine pushed for this image (or, on containerd's image store,
                // the image ID is the manifest digest itself): the tag already names exactly this image.
                states.add(new TagState(tag, TagState.Kind.UNCHANGED, held.get()));
            } else {
                states.add(new TagState(tag, TagState.Kind.MOVES, held.get()));
            }
        }
        return states;
    }

    /** Every tag but latest that would move stops the run before anything is pushed or tagged. */
    private static void refuseOverwrites(PushJob job, List<TagState> states) {
        if (!job.policy().noOverwrite()) {
            return;
        }
        List<OverwriteRefusedException.Held> held = states.stream()
                .filter(state -> state.kind() == TagState.Kind.MOVES && !state.tag().equals(LATEST))
                .map(state -> new OverwriteRefusedException.Held(state.tag().value(), state.held().value(), job.image().id()))
                .toList();
        if (held.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("push " + job.repository().fullName() + ": ");
        for (int i = 0; i < held.size(); i++) {
            message.append(i == 0 ? "" : "; ").append("tag ").append(held.get(i).tag()).append(" already holds ")
                    .append(held.get(i).registryDigest());
        }
        message.append(", not this image (").append(job.image().id()).append("); nothing was pushed");
        throw new OverwriteRefusedException(held, message.toString());
    }

    private Digest push(PushJob job, Tag tag, String auth, PublishListener listener) {
        ImageReference repository = job.repository();
        listener.phase("push", repository.withTag(tag) + job.credentials().map(found -> " as " + found.username()).orElse(" anonymously"));
        long started = System.nanoTime();
        Digest digest;
        try {
            digest = job.engine().push(repository.engineName(), tag.value(), auth, listener);
        } catch (PushFailedException e) {
            throw translate(e, repository, job.credentials());
        }
        requireThisImagePushed(job, tag, digest);
        listener.pushed(new PushedTag(repository, tag, digest), (System.nanoTime() - started) / 1_000_000);
        return digest;
    }

    /**
     * The engine pushes a tag by name, and a name can be moved by another build on the same engine (two publishes of
     * one tag on one machine). What was pushed is this run's image when the engine recorded the pushed digest for it
     * (or, on the containerd store, it is the image's own digest), or when the name still names it; otherwise it may
     * be the other build's, and the run stops instead of verifying that as its own.
     */
    private static void requireThisImagePushed(PushJob job, Tag tag, Digest pushed) {
        if (job.image().id().equals(pushed.value())) {
            return;
        }
        boolean recordedForThisImage = job.engine().inspect(job.image().id())
                .map(image -> VerifyTags.repoDigests(image, job.repository()).contains(pushed)).orElse(false);
        if (recordedForThisImage) {
            return; // the usual case on the classic store: the name is not asked about at all
        }
        String name = job.repository().withTag(tag);
        String now = job.engine().inspect(name).map(image -> image.id()).orElse(null);
        if (!job.image().id().equals(now)) {
            throw new PushFailedException(PushFailedException.Reason.TAG_MOVED, null, "push " + name + ": the local tag names "
                    + (now == null ? "no image" : now) + " now, not this run's image " + job.image().id() + ", so the manifest pushed ("
                    + pushed + ") may be another build's; nothing was verified");
        }
    }

    /**
     * What the engine relayed, as the failure it means: the registry's UNAUTHORIZED or DENIED is a refused access
     * (exit 5), TOOMANYREQUESTS a rate limit and an unreachable or failing registry an unavailable one (exit 8), now
     * with the facts only this layer knows (the repository, the credential source).
     */
    static RuntimeException translate(PushFailedException failure, ImageReference repository, Optional<Credentials> credentials) {
        String code = failure.registryCode();
        if ("UNAUTHORIZED".equals(code) || "DENIED".equals(code)) {
            AuthRefusedException.Reason reason = credentials.isEmpty() ? AuthRefusedException.Reason.NO_CREDENTIALS
                    : "DENIED".equals(code) ? AuthRefusedException.Reason.ACCESS_DENIED : AuthRefusedException.Reason.CREDENTIALS_REJECTED;
            return new AuthRefusedException(reason, new Refusal(repository.registry(), repository.isDockerHub(), repository.path(),
                    "push", credentials.map(Credentials::source).orElse(null), credentials.map(Credentials::username).orElse(null),
                    null, code), failure.getMessage(), failure);
        }
        if ("TOOMANYREQUESTS".equals(code)) {
            return new RegistryUnavailableException(RegistryUnavailableException.Reason.RATE_LIMITED, repository.apiHost(), null,
                    failure.getMessage(), failure);
        }
        if ("UNAVAILABLE".equals(code) || failure.reason() == PushFailedException.Reason.REGISTRY_UNREACHABLE) {
            return new RegistryUnavailableException(RegistryUnavailableException.Reason.UNREACHABLE, repository.apiHost(), null,
                    failure.getMessage(), failure);
        }
        return failure;
    }

    /** One image behind every tag: the tags of one run must all verify to the same digest. */
    private static void requireOneDigest(ImageReference repository, List<VerifiedTag> verified) {
        Set<Digest> digests = new LinkedHashSet<>();
        verified.forEach(tag -> digests.add(tag.digest()));
        if (digests.size() > 1) {
            List<String> each = verified.stream().map(tag -> tag.tag() + "@" + tag.digest()).toList();
            throw new VerificationFailedException(VerificationFailedException.Reason.TAGS_DIFFER,
                    "verify " + repository.fullName() + ": the tags of this run name different digests: " + String.join(", ", each));
        }
    }
}
