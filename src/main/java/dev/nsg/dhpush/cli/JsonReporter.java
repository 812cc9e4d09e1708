package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.nsg.dhpush.app.ChosenBuilder;
import dev.nsg.dhpush.app.ChosenRepository;
import dev.nsg.dhpush.engine.BuildStep;
import dev.nsg.dhpush.app.ProvenAccess;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.app.PushedTag;
import dev.nsg.dhpush.app.TagState;
import dev.nsg.dhpush.app.AttestedImage;
import dev.nsg.dhpush.app.SignedImage;
import dev.nsg.dhpush.app.VerifiedSignature;
import dev.nsg.dhpush.app.VerifiedTag;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.Tag;

/** --json: one JSON object per line on stdout, each with an "event" field; nothing else on stdout. */
final class JsonReporter implements PublishListener {

    private final PrintWriter out;

    JsonReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void plan(PublishPlan plan) {
        emit("plan", "repository", plan.repository().fullName(), "repositoryName", origin(plan.target().name()),
                "repositoryNamespace", origin(plan.target().namespace()), "images", plan.imageNames(),
                "dockerfile", plan.context().dockerfileName(), "contextFiles", plan.context().fileCount(),
                "contextBytes", plan.context().byteCount(), "contextSkipped", plan.context().skipped(),
                "buildArgs", plan.buildArgs(), "labels", plan.labels(),
                "labelsSetByDockerfile", plan.labelsSetByDockerfile());
    }

    @Override
    public void target(ChosenRepository target) {
        emit("target", "repository", target.reference().fullName(), "name", origin(target.name()),
                "namespace", origin(target.namespace()));
    }

    @Override
    public void preflight(ProvenAccess proven) {
        emit("preflight", "repository", proven.repository().fullName(), "scheme", proven.access().scheme(),
                "proof", proven.access().proof(), "username", proven.username(),
                "credentialSource", proven.source() == null ? null : name(proven.source().kind()), "note", proven.access().note());
    }

    @Override
    public void tagState(TagState state) {
        emit("tag-state", "tag", state.tag().value(), "state", name(state.kind()),
                "digest", state.held() == null ? null : state.held().value());
    }

    @Override
    public void retagged(Tag tag, String imageId) {
        emit("retagged", "tag", tag.value(), "imageId", imageId);
    }

    @Override
    public void moved(Tag tag, Digest from, Digest to) {
        emit("moved", "tag", tag.value(), "from", from.value(), "to", to.value());
    }

    @Override
    public void unchanged(Tag tag, Digest digest, boolean pushed) {
        emit("unchanged", "tag", tag.value(), "digest", digest.value(), "pushed", pushed);
    }

    @Override
    public void waiting(String address, java.time.Duration waited, java.time.Duration limit) {
        emit("engine-wait", "address", address, "waitedMillis", waited.toMillis(), "limitMillis", limit.toMillis());
    }

    @Override
    public void answered(String address, java.time.Duration waited) {
        emit("engine-answered", "address", address, "waitedMillis", waited.toMillis());
    }

    @Override
    public void phase(String name, String detail) {
        emit("phase", "name", name, "detail", detail);
    }

    @Override
    public void buildOutput(String text) {
        emit("build-output", "text", text);
    }

    @Override
    public void buildStep(BuildStep step) {
        emit("step", "number", step.number(), "name", step.name(), "kind", name(step.kind()), "text", step.text(),
                "elapsedMillis", step.elapsed().toMillis());
    }

    @Override
    public void builder(ChosenBuilder builder) {
        emit("builder", "builder", builder.buildKit() ? "buildkit" : "classic", "asked", name(builder.asked().kind()),
                "askedBy", builder.asked().source(), "engineDefault", builder.engineDefault() ? "buildkit" : "classic");
    }

    @Override
    public void layerStatus(String layer, String status, Long current, Long total) {
        emit("layer", "id", layer, "status", status, "current", current, "total", total);
    }

    @Override
    public void status(String text) {
        emit("status", "text", text);
    }

    @Override
    public void built(String imageId, long millis) {
        emit("built", "imageId", imageId, "millis", millis);
    }

    @Override
    public void pushed(PushedTag tag, long millis) {
        emit("pushed", "repository", tag.repository().fullName(), "tag", tag.tag().value(),
                "digest", tag.digest().value(), "image", tag.pinned(), "millis", millis);
    }

    @Override
    public void verified(VerifiedTag tag) {
        emit(tag.compared() ? "verified" : "served", "repository", tag.repository().fullName(), "tag", tag.tag().value(), "digest", tag.digest().value(),
                "image", tag.pinned(), "rateLimitLimit", tag.rateLimit().limit(), "rateLimitRemaining", tag.rateLimit().remaining(),
                "rateLimitSource", tag.rateLimit().source());
    }

    @Override
    public void signed(SignedImage signed) {
        emit("signed", "repository", signed.repository().fullName(), "digest", signed.image().value(), "key", signed.key(),
                "signatureTag", signed.tag(), "signatureDigest", signed.signature().value(), "added", signed.added());
    }

    @Override
    public void attested(AttestedImage attested) {
        emit("attested", "repository", attested.repository().fullName(), "digest", attested.image().value(), "key", attested.key(),
                "attestationTag", attested.tag(), "attestationDigest", attested.attestation().value());
    }

    @Override
    public void signatureVerified(VerifiedSignature verified) {
        emit("signature verified", "repository", verified.repository().fullName(), "digest", verified.image().value(),
                "key", verified.key(), "signatureTag", verified.tag(), "signatureDigest", verified.signature().value(),
                "signatures", verified.signatures(), "verifiedBy", verified.valid());
    }

    /** {@code dhpush tags --json}. */
    void tags(String repository, List<String> tags) {
        emit("tags", "repository", repository, "count", tags.size(), "tags", tags);
    }

    @Override
    public void notice(String text) {
        emit("notice", "text", text);
    }

    /** An enum constant as JSON spells it: {@code DOCKERFILE_TITLE} is {@code dockerfile-title}. */
    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String origin(ChosenRepository.Origin origin) {
        return name(origin);
    }

    private void emit(String event, Object... fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                line.put((String) fields[i], fields[i + 1]);
            }
        }
        out.println(JsonLine.of(line));
        out.flush();
    }
}
