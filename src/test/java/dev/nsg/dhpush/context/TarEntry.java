package dev.nsg.dhpush.context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A minimal tar reader for tests: ustar headers plus PAX "path" records, enough to check what dhpush writes. */
record TarEntry(String name, char type, int mode, String linkName, byte[] content) {

    static List<TarEntry> read(byte[] tar) {
        List<TarEntry> entries = new ArrayList<>();
        int offset = 0;
        String paxPath = null;
        while (offset + 512 <= tar.length) {
            byte[] header = Arrays.copyOfRange(tar, offset, offset + 512);
            if (allZero(header)) {
                break;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            long size = Long.parseLong(text(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            byte[] content = Arrays.copyOfRange(tar, offset + 512, offset + 512 + (int) size);
            offset += 512 + (int) ((size + 511) / 512 * 512);
            if (type == 'x') {
                for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
                    int equals = record.indexOf("path=");
                    if (equals > 0 && record.substring(record.indexOf(' ') + 1).startsWith("path=")) {
                        paxPath = record.substring(equals + 5);
                    }
                }
                continue;
            }
            String full = paxPath != null ? paxPath : (prefix.isEmpty() ? name : prefix + "/" + name);
            paxPath = null;
            if (full.endsWith("/")) {
                full = full.substring(0, full.length() - 1);
            }
            entries.add(new TarEntry(full, type, Integer.parseInt(text(header, 100, 8).trim(), 8), text(header, 157, 100), content));
        }
        return entries;
    }

    /** The entry with this name; fails the test when there is none. */
    static TarEntry named(List<TarEntry> entries, String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tar entry " + name + " in " + entries.stream().map(TarEntry::name).toList()));
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
