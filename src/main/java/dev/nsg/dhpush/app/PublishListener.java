package dev.nsg.dhpush.app;

import java.time.Duration;

import dev.nsg.dhpush.engine.EngineProgress;
import dev.nsg.dhpush.engine.EngineWait;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.Tag;

/** What a run reports as it goes; the command line shows it as text, JSON or nothing. */
public interface PublishListener extends EngineProgress, EngineWait.Listener {

    /** --dry-run: what would be built and pushed. */
    void plan(PublishPlan plan);

    /** The repository the run works on, and why it was chosen; the first thing a run reports. */
    default void target(ChosenRepository target) {
    }

    /** A phase starts: "build", "push", "verify". */
    default void phase(String name, String detail) {
    }

    /** The builder the build runs with, and why. */
    default void builder(ChosenBuilder builder) {
    }

    /** Push access proven before anything was built. */
    default void preflight(ProvenAccess proven) {
    }

    /** --dry-run: what the registry holds for a tag now. */
    default void tagState(TagState state) {
    }

    /** A local tag was pointed at the image of the run's first tag before the push. */
    default void retagged(Tag tag, String imageId) {
    }

    default void built(String imageId, long millis) {
    }

    /** A pushed tag, with the digest the engine reported. */
    default void pushed(PushedTag tag, long millis) {
    }

    /** A tag that held another digest before this push. */
    default void moved(Tag tag, Digest from, Digest to) {
    }

    /** A tag the registry already served with this image's digest; {@code pushed} says whether it was sent anyway. */
    default void unchanged(Tag tag, Digest digest, boolean pushed) {
    }

    /** A tag the registry was seen to serve with the expected digest; its pinned name is the result line on stdout. */
    default void verified(VerifiedTag tag) {
    }

    /** The verified digest was signed (or found signed by the same key already). */
    default void signed(SignedImage signed) {
    }

    /** The build's signed provenance was attached to the verified digest. */
    default void attested(AttestedImage attested) {
    }

    /** A signature of the image verified with the key the user gave. */
    default void signatureVerified(VerifiedSignature verified) {
    }

    default void notice(String text) {
    }

    @Override
    default void waiting(String address, Duration waited, Duration limit) {
    }

    @Override
    default void answered(String address, Duration waited) {
    }
}
