package dev.nsg.dhpush.engine;

/** What the engine reports while it works, handed to the output layer as it arrives. */
public interface EngineProgress {

    /** Build output text (a Dockerfile step's header or its command's output), possibly several lines. */
    void buildOutput(String text);

    /** Per-layer push progress; {@code current}/{@code total} are bytes, or null when the engine gives none. */
    void layerStatus(String layer, String status, Long current, Long total);

    /** Any other status line (e.g. "The push refers to repository …"). */
    void status(String text);

    EngineProgress SILENT = new EngineProgress() {
        @Override
        public void buildOutput(String text) {
        }

        @Override
        public void layerStatus(String layer, String status, Long current, Long total) {
        }

        @Override
        public void status(String text) {
        }
    };
}
