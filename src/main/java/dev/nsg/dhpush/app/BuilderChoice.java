package dev.nsg.dhpush.app;

import java.util.Locale;
import java.util.Optional;

/**
 * Which builder the engine is asked to build with: {@code auto} takes the one the engine names as its default
 * ({@code Builder-Version: 2} in {@code /_ping}: Docker 23 and later, or an older engine configured for it).
 *
 * @param source where the choice came from ({@code --builder}, {@code DHPUSH_BUILDER}, a settings file), or null
 *        for the default
 */
public record BuilderChoice(Kind kind, String source) {

    public enum Kind { AUTO, BUILDKIT, CLASSIC }

    public static final BuilderChoice DEFAULT = new BuilderChoice(Kind.AUTO, null);

    /** {@code auto}, {@code buildkit} or {@code classic}, in any case; empty for anything else. */
    public static Optional<Kind> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> Optional.of(Kind.AUTO);
            case "buildkit" -> Optional.of(Kind.BUILDKIT);
            case "classic" -> Optional.of(Kind.CLASSIC);
            default -> Optional.empty();
        };
    }
}
