package dev.nsg.dhpush.buildkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.nsg.dhpush.buildkit.wire.Stat;
import dev.nsg.dhpush.context.UnixFileMode;

/**
 * A synced directory listed as fsutil's sender lists it: depth first, each directory's names in byte order (so
 * {@code sub/x} comes before {@code sub.txt}), a directory before what it holds, and a directory the filter does not
 * send itself still sent before the first thing inside it that it does. Owners are 0:0, as the docker CLI and buildx
 * reset them (otherwise COPY would keep the host's uid in the image); sockets are left out.
 */
final class DirectoryListing {

    private final Path root;
    private final SyncFilter filter;
    private final Consumer<SyncEntry> sink;
    /** Directories walked into but not sent yet: sent as soon as something inside them is. */
    private final Deque<SyncEntry> pending = new ArrayDeque<>();
    /** The first path sent of each multiply-linked file, by device and inode. */
    private final Map<String, String> firstLinks = new HashMap<>();

    private DirectoryListing(Path root, SyncFilter filter, Consumer<SyncEntry> sink) {
        this.root = root;
        this.filter = filter;
        this.sink = sink;
    }

    /** Hands every entry to {@code sink}, in the order the daemon expects them. */
    static void walk(Path root, SyncFilter filter, Consumer<SyncEntry> sink) {
        new DirectoryListing(root, filter, sink).walk(root, "");
    }

    private void walk(Path directory, String prefix) {
        for (String name : sortedNames(directory)) {
            String path = prefix + name;
            Path file = directory.resolve(name);
            SyncEntry entry = describe(file, path);
            if (entry == null) {
                continue;
            }
            boolean sent = filter.sends(path);
            if (sent) {
                pending.forEach(sink);
                pending.clear();
                sink.accept(linked(entry));
            }
            if (entry.isDirectory() && filter.walksInto(path, sent)) {
                if (!sent) {
                    pending.addLast(entry);
                }
                walk(file, path + "/");
                if (!sent && !pending.isEmpty() && pending.peekLast() == entry) {
                    pending.removeLast();
                }
            }
        }
    }

    /**
     * A further name of a file already sent goes as a hard link to the first (linkname set, size 0), as fsutil sends it:
     * the daemon then makes the same link in the layer, and the bytes cross once.
     */
    private SyncEntry linked(SyncEntry entry) {
        if (!entry.isRegularFile() || entry.links() < 2) {
            return entry;
        }
        String first = firstLinks.putIfAbsent(entry.inode(), entry.stat().getPath());
        if (first == null) {
            return entry;
        }
        return new SyncEntry(entry.stat().toBuilder().setLinkname(first).setSize(0).build(), entry.file(), entry.links(), entry.inode());
    }

    private static List<String> sortedNames(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.map(child -> child.getFileName().toString())
                    .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** The entry for a path, or null for a socket. */
    private static SyncEntry describe(Path file, String path) {
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(file, "unix:mode,size,lastModifiedTime,rdev,nlink,dev,ino", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int mode = (Integer) unix.get("mode");
        int type = UnixFileMode.type(mode);
        if (type == UnixFileMode.S_IFSOCK) {
            return null;
        }
        Stat.Builder stat = Stat.newBuilder()
                .setPath(path)
                .setMode(goMode(mode))
                .setSize(type == UnixFileMode.S_IFDIR ? 0 : (Long) unix.get("size"))
                .setModTime(((FileTime) unix.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS));
        if (type == UnixFileMode.S_IFLNK) {
            try {
                stat.setLinkname(Files.readSymbolicLink(file).toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the link " + file, e);
            }
        }
        if (type == UnixFileMode.S_IFCHR || type == UnixFileMode.S_IFBLK) {
            long rdev = (Long) unix.get("rdev");
            stat.setDevmajor(UnixFileMode.major(rdev));
            stat.setDevminor(UnixFileMode.minor(rdev));
        }
        return new SyncEntry(stat.build(), file, (Integer) unix.get("nlink"), unix.get("dev") + ":" + unix.get("ino"));
    }

    /** st_mode to Go's os.FileMode, as fsutil's stat_unix.go converts it. */
    static int goMode(int mode) {
        int go = mode & 0777;
        switch (UnixFileMode.type(mode)) {
            case UnixFileMode.S_IFDIR -> go |= SyncEntry.GO_DIR;
            case UnixFileMode.S_IFLNK -> go |= SyncEntry.GO_SYMLINK;
            case UnixFileMode.S_IFIFO -> go |= SyncEntry.GO_NAMED_PIPE;
            case UnixFileMode.S_IFBLK -> go |= SyncEntry.GO_DEVICE;
            case UnixFileMode.S_IFCHR -> go |= SyncEntry.GO_DEVICE | SyncEntry.GO_CHAR_DEVICE;
            default -> {
            }
        }
        if ((mode & 04000) != 0) {
            go |= SyncEntry.GO_SETUID;
        }
        if ((mode & 02000) != 0) {
            go |= SyncEntry.GO_SETGID;
        }
        if ((mode & 01000) != 0) {
            go |= SyncEntry.GO_STICKY;
        }
        return go;
    }
}
