package dev.nsg.dhpush.cli;

import java.util.Locale;

/** Byte counts as people read them (decimal units, as the docker CLI prints them). */
final class ByteSize {

    private ByteSize() {
    }

    static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
