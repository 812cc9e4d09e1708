package dev.nsg.dhpush.app;

/**
 * The builder a run uses, and why.
 *
 * @param buildKit BuildKit, else the classic builder
 * @param asked what was asked for
 * @param engineDefault whether the engine names BuildKit as its default builder
 */
public record ChosenBuilder(boolean buildKit, BuilderChoice asked, boolean engineDefault) {

    static ChosenBuilder choose(BuilderChoice asked, boolean engineDefault) {
        boolean buildKit = switch (asked.kind()) {
            case AUTO -> engineDefault;
            case BUILDKIT -> true;
            case CLASSIC -> false;
        };
        return new ChosenBuilder(buildKit, asked, engineDefault);
    }
}
