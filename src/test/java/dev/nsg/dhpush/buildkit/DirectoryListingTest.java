package dev.nsg.dhpush.buildkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nsg.dhpush.buildkit.wire.Stat;

class DirectoryListingTest {

    @TempDir
    Path root;

    private List<Stat> list(SyncFilter filter) {
        List<Stat> stats = new ArrayList<>();
        DirectoryListing.walk(root, filter, entry -> stats.add(entry.stat()));
        return stats;
    }

    private static List<String> paths(List<Stat> stats) {
        return stats.stream().map(Stat::getPath).toList();
    }

    private void file(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void order_isDepthFirst_withNamesInByteOrder_soADirectoryComesBeforeItsSiblingsWithLongerNames() throws IOException {
        file("sub/x", "x");
        file("sub-a", "a");
        file("sub.txt", "t");
        file("Dockerfile", "FROM scratch");
        file("émoji", "é");
        assertEquals(List.of("Dockerfile", "sub", "sub/x", "sub-a", "sub.txt", "émoji"), paths(list(SyncFilter.of(root, List.of(), List.of(), List.of()))));
    }

    @Test
    void modes_areGoFileModes_ownersZero_timesInNanoseconds_linksWithTheirTargets() throws IOException {
        file("dir/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve("dir/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("dir"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("dir/run.sh"));
        List<Stat> stats = list(SyncFilter.of(root, List.of(), List.of(), List.of()));
        assertEquals(0x800001ED, stats.get(0).getMode(), "dir");
        assertEquals(0755, stats.get(1).getMode(), "executable");
        assertEquals(0, stats.get(1).getUid());
        assertEquals(10, stats.get(1).getSize());
        assertEquals(Files.getLastModifiedTime(root.resolve("dir/run.sh")).to(java.util.concurrent.TimeUnit.NANOSECONDS),
                stats.get(1).getModTime());
        assertEquals(0x080001FF, stats.get(2).getMode(), "symlink");
        assertEquals("dir/run.sh", stats.get(2).getLinkname());
    }

    @Test
    void followPaths_sendOnlyThoseFiles_theirParents_andTheTargetsOfFollowedLinks() throws IOException {
        file("app/main.py", "m");
        file("app/other.py", "o");
        file("big/blob", "b");
        file("real/target.txt", "t");
        Files.createSymbolicLink(root.resolve("app/link"), Path.of("../real/target.txt"));
        List<String> sent = paths(list(SyncFilter.of(root, List.of(), List.of(), List.of("app/main.py", "app/link"))));
        assertEquals(List.of("app", "app/link", "app/main.py", "real", "real/target.txt"), sent);
    }

    @Test
    void excludePatterns_leaveOutWhatTheyMatch_andAReincludeBringsItsParentsBack() throws IOException {
        file("keep.txt", "k");
        file("secret.env", "s");
        file("logs/a.log", "a");
        file("logs/keep.log", "k");
        List<String> sent = paths(list(SyncFilter.of(root, List.of(), List.of("*.env", "logs", "!logs/keep.log"), List.of())));
        assertEquals(List.of("keep.txt", "logs", "logs/keep.log"), sent);
    }

    @Test
    void includePatterns_sendMatchingPaths_andEverythingBelowThem() throws IOException {
        file("a/b/c.txt", "c");
        file("a/d.txt", "d");
        file("e.txt", "e");
        assertEquals(List.of("a", "a/b", "a/b/c.txt"), paths(list(SyncFilter.of(root, List.of("a/b"), List.of(), List.of()))));
    }

    @Test
    void aFurtherNameOfAFile_goesAsAHardLinkToTheFirst() throws IOException {
        file("a.txt", "same bytes");
        Files.createLink(root.resolve("b.txt"), root.resolve("a.txt"));
        List<Stat> stats = list(SyncFilter.of(root, List.of(), List.of(), List.of()));
        assertEquals("", stats.get(0).getLinkname());
        assertEquals(10, stats.get(0).getSize());
        assertEquals("a.txt", stats.get(1).getLinkname());
        assertEquals(0, stats.get(1).getSize());
    }
}
