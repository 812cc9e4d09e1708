package dev.nsg.dhpush.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/**
 * The build context as the docker CLI's classic-builder path sends it: the context directory minus what
 * .dockerignore excludes (the Dockerfile and .dockerignore always kept), in lexical order, symlinks as links, a
 * file's further hard links as link entries, sockets and devices skipped. Every file is checked readable before
 * anything is sent; the tar is then streamed straight from the files, never held in memory or written to disk.
 */
public final class BuildContext {

    private static final int COPY_BUFFER = 64 * 1024;

    private final Path directory;
    private final List<ContextEntry> entries;
    private final String dockerfileName;
    private final Path dockerfile;
    private final List<String> skipped;

    private BuildContext(Path directory, List<ContextEntry> entries, String dockerfileName, Path dockerfile, List<String> skipped) {
        this.directory = directory;
        this.entries = entries;
        this.dockerfileName = dockerfileName;
        this.dockerfile = dockerfile;
        this.skipped = skipped;
    }

    /**
     * Walks {@code contextDir} with the Dockerfile at {@code dockerfile} (absolute, or relative to the working
     * directory as with {@code docker build -f}; {@code null} means {@code Dockerfile} in the context).
     */
    public static BuildContext scan(Path contextDir, Path dockerfile) {
        Path context = contextDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(context)) {
            throw new InvalidInputException(Problem.BUILD_CONTEXT, contextDir.toString(),
                    "build context \"" + contextDir + "\": not a directory");
        }
        Path file = dockerfile == null ? context.resolve("Dockerfile") : dockerfile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(Problem.DOCKERFILE, file.toString(), "Dockerfile \"" + file + "\": not found");
        }
        boolean inside = file.startsWith(context);
        String dockerfileName = inside ? slashed(context.relativize(file)) : null;
        List<String> alwaysSent = dockerfileName == null ? List.of(".dockerignore") : List.of(".dockerignore", dockerfileName);
        DockerIgnore ignore = DockerIgnore.read(context).keeping(alwaysSent);

        List<ContextEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        walk(context, context, ignore, new Walk(entries, skipped, new HashMap<>()));
        if (!inside) {
            dockerfileName = addOutsideDockerfile(file, entries);
        }
        return new BuildContext(context, List.copyOf(entries), dockerfileName, file, List.copyOf(skipped));
    }

    /**
     * A Dockerfile outside the context travels inside it under a random name that .dockerignore then excludes,
     * so it never lands in the image (the docker CLI's AddDockerfileToBuildContext).
     */
    private static String addOutsideDockerfile(Path file, List<ContextEntry> entries) {
        byte[] random = new byte[10];
        new SecureRandom().nextBytes(random);
        String name = ".dockerfile." + HexFormat.of().formatHex(random);
        long now = System.currentTimeMillis() / 1000;
        try {
            entries.add(ContextEntry.generated(name, Files.readAllBytes(file), now));
        } catch (IOException e) {
            throw new InvalidInputException(Problem.DOCKERFILE, file.toString(),
                    "Dockerfile \"" + file + "\": cannot be read (" + e.getMessage() + ")", e);
        }
        byte[] rule = ("\n" + name + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < entries.size(); i++) {
            ContextEntry entry = entries.get(i);
            if (entry.name().equals(".dockerignore")) {
                entries.set(i, entry.withContent(concat(readAll(entry.source()), rule)));
                return name;
            }
        }
        entries.add(ContextEntry.generated(".dockerignore", rule, now));
        return name;
    }

    /**
     * What a walk collects: the entries, the special files left out, and the name each multiply-linked file was
     * first sent under (by device and inode).
     */
    private record Walk(List<ContextEntry> entries, List<String> skipped, Map<String, String> firstNames) {
    }

    private static void walk(Path context, Path directory, DockerIgnore ignore, Walk walk) {
        List<Path> children;
        try (Stream<Path> list = Files.list(directory)) {
            children = list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (AccessDeniedException e) {
            throw unreadable(context, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        for (Path child : children) {
            String name = slashed(context.relativize(child));
            boolean isDirectory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
            if (ignore.excludes(name)) {
                if (isDirectory && ignore.mayReincludeInside(name)) {
                    walk(context, child, ignore, walk);
                }
                continue;
            }
            ContextEntry entry = describe(context, child, name, walk.firstNames());
            if (entry == null) {
                walk.skipped().add(name);
                continue;
            }
            walk.entries().add(entry);
            if (isDirectory) {
                walk(context, child, ignore, walk);
            }
        }
    }

    private static ContextEntry describe(Path context, Path path, String name, Map<String, String> firstNames) {
        try {
            Map<String, Object> unix = Files.readAttributes(path,
                    "unix:mode,uid,gid,size,lastModifiedTime,isRegularFile,isDirectory,isSymbolicLink,nlink,dev,ino",
                    LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) unix.get("mode");
            int uid = (Integer) unix.get("uid");
            int gid = (Integer) unix.get("gid");
            long mtime = ((java.nio.file.attribute.FileTime) unix.get("lastModifiedTime")).toMillis() / 1000;
            if ((Boolean) unix.get("isSymbolicLink")) {
                String target = Files.readSymbolicLink(path).toString();
                return new ContextEntry(name, ContextEntry.Type.SYMLINK, path, null, 0, mode, uid, gid, mtime, target);
            }
            if ((Boolean) unix.get("isDirectory")) {
                if (!Files.isReadable(path) || !Files.isExecutable(path)) {
                    throw unreadable(context, path);
                }
                return new ContextEntry(name, ContextEntry.Type.DIRECTORY, path, null, 0, mode, uid, gid, mtime, null);
            }
            if ((Boolean) unix.get("isRegularFile")) {
                if (!Files.isReadable(path)) {
                    throw unreadable(context, path);
                }
                if ((Integer) unix.get("nlink") > 1) {
                    String first = firstNames.putIfAbsent(unix.get("dev") + ":" + unix.get("ino"), name);
                    if (first != null) {
                        return new ContextEntry(name, ContextEntry.Type.HARD_LINK, path, null, 0, mode, uid, gid, mtime, first);
                    }
                }
                return new ContextEntry(name, ContextEntry.Type.FILE, path, null, (Long) unix.get("size"), mode, uid, gid, mtime, null);
            }
            return null; // sockets, pipes and devices have no place in an image build
        } catch (AccessDeniedException e) {
            throw unreadable(context, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static InvalidInputException unreadable(Path context, Path path) {
        String name = slashed(context.relativize(path));
        return new InvalidInputException(Problem.UNREADABLE_FILE, name,
                "build context: cannot read \"" + name + "\" (permission denied); nothing was sent");
    }

    /** Writes the context as tar to {@code out}, file by file, with a bounded buffer. */
    public void writeTar(OutputStream out) throws IOException {
        TarWriter tar = new TarWriter(out);
        byte[] buffer = new byte[COPY_BUFFER];
        for (ContextEntry entry : entries) {
            tar.writeHeader(entry);
            if (entry.type() != ContextEntry.Type.FILE) {
                continue;
            }
            if (entry.content() != null) {
                out.write(entry.content());
            } else {
                copyExactly(entry, buffer, out);
            }
            tar.pad(entry.size());
        }
        tar.finish();
    }

    private void copyExactly(ContextEntry entry, byte[] buffer, OutputStream out) throws IOException {
        long remaining = entry.size();
        try (InputStream in = Files.newInputStream(entry.source())) {
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new IOException("\"" + entry.name() + "\" shrank while the build context was being sent");
                }
                out.write(buffer, 0, read);
                remaining -= read;
            }
        }
    }

    /** The Dockerfile's path inside the context, as the engine's {@code dockerfile} parameter wants it. */
    public String dockerfileName() {
        return dockerfileName;
    }

    /** The Dockerfile where it lies on disk (inside the context or not). */
    public Path dockerfile() {
        return dockerfile;
    }

    public Path directory() {
        return directory;
    }

    /** The paths sent, in order; directories without a trailing '/'. */
    public List<String> names() {
        return entries.stream().map(ContextEntry::name).toList();
    }

    public int fileCount() {
        return (int) entries.stream().filter(entry -> entry.type() != ContextEntry.Type.DIRECTORY).count();
    }

    public long byteCount() {
        return entries.stream().mapToLong(ContextEntry::size).sum();
    }

    /** Sockets, pipes and devices that were left out. */
    public List<String> skipped() {
        return skipped;
    }

    static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

}
