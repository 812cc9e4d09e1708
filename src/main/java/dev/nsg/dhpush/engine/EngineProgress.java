package dev.nsg.dhpush.engine;

/** What the engine reports while it works, handed to the output layer as it arrives; each kind may be ignored. */
public interface EngineProgress {

    /** Build output text (a Dockerfile step's header or its command's output), possibly several lines. */
    default void buildOutput(String text) {
    }

    /** A BuildKit step's progress (the classic builder reports through {@link #buildOutput} instead). */
    default void buildStep(BuildStep step) {
    }

    /** Per-layer push progress; {@code current}/{@code total} are bytes, or null when the engine gives none. */
    default void layerStatus(String layer, String status, Long current, Long total) {
    }

    /** Any other status line (e.g. "The push refers to repository …"). */
    default void status(String text) {
    }
}
