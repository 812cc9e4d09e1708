package dev.nsg.dhpush.cli;

import java.util.Locale;

/** Elapsed times as people read them. */
final class ElapsedTime {

    private ElapsedTime() {
    }

    static String format(long millis) {
        return millis < 60_000
                ? String.format(Locale.ROOT, "%.1fs", millis / 1000.0)
                : String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }
}
