package dev.nsg.dhpush.context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What dhpush wrote, read back with Commons Compress' reader, which checks every header's checksum and applies PAX
 * records (path, linkpath, size): a kept reader, not one written to agree with the writer.
 */
record TarEntry(String name, char type, int mode, long uid, long gid, String linkName, int devMajor, int devMinor, byte[] content) {

    static List<TarEntry> read(byte[] tar) {
        List<TarEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().endsWith("/") ? entry.getName().substring(0, entry.getName().length() - 1) : entry.getName();
                entries.add(new TarEntry(name, (char) entry.getLinkFlag(), entry.getMode(), entry.getLongUserId(),
                        entry.getLongGroupId(), entry.getLinkName(), entry.getDevMajor(), entry.getDevMinor(), in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new AssertionError("not a valid tar stream: " + e.getMessage(), e);
        }
        return entries;
    }

    /** The entry with this name; fails the test when there is none. */
    static TarEntry named(List<TarEntry> entries, String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tar entry " + name + " in " + entries.stream().map(TarEntry::name).toList()));
    }
}
