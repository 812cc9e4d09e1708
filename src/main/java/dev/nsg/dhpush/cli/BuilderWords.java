package dev.nsg.dhpush.cli;

import dev.nsg.dhpush.app.ChosenBuilder;

/** Which builder runs and why, in the words of the progress line and doctor's check. */
final class BuilderWords {

    private BuilderWords() {
    }

    static String describe(ChosenBuilder builder) {
        String name = builder.buildKit() ? "BuildKit" : "the classic builder";
        String engine = builder.engineDefault() ? "the engine's default builder is BuildKit"
                : "the engine does not name BuildKit its default builder";
        if (builder.asked().source() == null) {
            return name + " (auto: " + engine + ")";
        }
        String asked = builder.asked().kind().name().toLowerCase(java.util.Locale.ROOT);
        if (builder.asked().kind() == dev.nsg.dhpush.app.BuilderChoice.Kind.AUTO) {
            return name + " (auto, from " + builder.asked().source() + ": " + engine + ")";
        }
        return name + " (" + asked + ", from " + builder.asked().source() + ")";
    }
}
