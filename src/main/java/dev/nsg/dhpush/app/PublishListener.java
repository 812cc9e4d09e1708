package dev.nsg.dhpush.app;

import dev.nsg.dhpush.engine.EngineProgress;

/** What a publish run reports as it goes; the command line shows it as text, JSON or nothing. */
public interface PublishListener extends EngineProgress {

    /** --dry-run: what would be built and pushed. */
    void plan(PublishPlan plan);

    /** A phase starts: "build", "push", "verify". */
    default void phase(String name, String detail) {
    }

    default void built(String imageId, long millis) {
    }

    /** A pushed tag, with the digest the engine reported. */
    default void pushed(PushedTag tag, long millis) {
    }

    /** A tag the registry was seen to serve with the pushed digest; its pinned name is the result line on stdout. */
    default void verified(VerifiedTag tag) {
    }

    default void notice(String text) {
    }
}
