package dev.nsg.dhpush.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nsg.dhpush.app.ChosenBuilder;
import dev.nsg.dhpush.engine.BuildStep;
import dev.nsg.dhpush.app.ChosenRepository;
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

/**
 * Passes every event on to the reporter and keeps what the results need: the image built, which tags moved and from
 * what, and how long each phase took.
 */
final class RecordingListener implements PublishListener {

    private final PublishListener reporter;
    private final long started = System.nanoTime();
    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private final Map<Tag, Digest> movedFrom = new LinkedHashMap<>();
    private String imageId;
    private SignedImage signed;
    private AttestedImage attested;
    private String phase;
    private long phaseStarted;

    RecordingListener(PublishListener reporter) {
        this.reporter = reporter;
    }

    /** Milliseconds per phase ("build", "push", "verify"), the last one ending now, and "total". */
    Map<String, Long> timings() {
        Map<String, Long> timings = new LinkedHashMap<>(phaseMillis);
        long now = System.nanoTime();
        if (phase != null) {
            timings.merge(phase, (now - phaseStarted) / 1_000_000, Long::sum);
        }
        timings.put("total", (now - started) / 1_000_000);
        return timings;
    }

    /** The digest a tag held before this run moved it, or null when it did not move. */
    Digest movedFrom(Tag tag) {
        return movedFrom.get(tag);
    }

    @Override
    public void phase(String name, String detail) {
        long now = System.nanoTime();
        if (phase != null) {
            phaseMillis.merge(phase, (now - phaseStarted) / 1_000_000, Long::sum);
        }
        phase = name;
        phaseStarted = now;
        reporter.phase(name, detail);
    }

    @Override
    public void moved(Tag tag, Digest from, Digest to) {
        movedFrom.put(tag, from);
        reporter.moved(tag, from, to);
    }

    @Override
    public void plan(PublishPlan plan) {
        reporter.plan(plan);
    }

    @Override
    public void target(ChosenRepository target) {
        reporter.target(target);
    }

    @Override
    public void preflight(ProvenAccess proven) {
        reporter.preflight(proven);
    }

    @Override
    public void tagState(TagState state) {
        reporter.tagState(state);
    }

    @Override
    public void retagged(Tag tag, String imageId) {
        reporter.retagged(tag, imageId);
    }

    /** The ID of the image the run built, or null. */
    String imageId() {
        return imageId;
    }

    @Override
    public void built(String imageId, long millis) {
        this.imageId = imageId;
        reporter.built(imageId, millis);
    }

    @Override
    public void pushed(PushedTag tag, long millis) {
        reporter.pushed(tag, millis);
    }

    @Override
    public void unchanged(Tag tag, Digest digest, boolean pushed) {
        reporter.unchanged(tag, digest, pushed);
    }

    @Override
    public void verified(VerifiedTag tag) {
        reporter.verified(tag);
    }

    @Override
    public void signed(SignedImage signed) {
        this.signed = signed;
        reporter.signed(signed);
    }

    @Override
    public void attested(AttestedImage attested) {
        this.attested = attested;
        reporter.attested(attested);
    }

    /** The provenance this run attached, or null. */
    AttestedImage attestedImage() {
        return attested;
    }

    @Override
    public void signatureVerified(VerifiedSignature verified) {
        reporter.signatureVerified(verified);
    }

    /** The signature this run stored or found, or null when it signed nothing. */
    SignedImage signedImage() {
        return signed;
    }

    @Override
    public void notice(String text) {
        reporter.notice(text);
    }

    @Override
    public void waiting(String address, Duration waited, Duration limit) {
        reporter.waiting(address, waited, limit);
    }

    @Override
    public void answered(String address, Duration waited) {
        reporter.answered(address, waited);
    }

    @Override
    public void buildOutput(String text) {
        reporter.buildOutput(text);
    }

    @Override
    public void layerStatus(String layer, String status, Long current, Long total) {
        reporter.layerStatus(layer, status, current, total);
    }

    @Override
    public void buildStep(BuildStep step) {
        reporter.buildStep(step);
    }

    @Override
    public void builder(ChosenBuilder builder) {
        reporter.builder(builder);
    }

    @Override
    public void status(String text) {
        reporter.status(text);
    }
}
