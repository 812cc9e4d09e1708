package dev.nsg.dhpush.context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.IoCause;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/**
 * The build context as the docker CLI's classic-builder path sends it: the context directory minus what
 * .dockerignore excludes (the Dockerfile and .dockerignore always kept), in lexical order, symlinks as links, a
 * file's further hard links as link entries, FIFOs and device nodes as such, sockets skipped. Every file is checked readable before
 * anything is sent; the tar is then streamed straight from the files, never held in memory or written to disk.
 */
public final class BuildContext {

    private final Path directory;
    private final Path dockerfile;
    private final DockerIgnore ignore;
    private Walked walked;

    /** What the walk found: the entries in tar order, the Dockerfile's name in the tar, the sockets left out. */
    private record Walked(List<ContextEntry> entries, String dockerfileName, List<String> skipped) {
    }

    private BuildContext(Path directory, Path dockerfile, DockerIgnore ignore) {
        this.directory = directory;
        this.dockerfile = dockerfile;
        this.ignore = ignore;
    }

    /**
     * The context {@code contextDir} with the Dockerfile at {@code dockerfile} (absolute, or relative to the working
     * directory as with {@code docker build -f}; {@code null} means {@code Dockerfile} in the context): both checked and
     * .dockerignore read now, the directory walked only when its entries are first asked for (or by {@link #walk()}).
     * BuildKit never needs the walk: its daemon asks for the paths it reads.
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
        String inside = file.startsWith(context) ? slashed(context.relativize(file)) : null;
        List<String> alwaysSent = inside == null ? List.of(".dockerignore") : List.of(".dockerignore", inside);
        return new BuildContext(context, file, DockerIgnore.read(context).keeping(alwaysSent));
    }

    /**
     * Walks the directory now, if not yet: every entry described and every file checked readable, as the classic
     * builder's tar needs before anything is sent.
     */
    public synchronized BuildContext walk() {
        if (walked == null) {
            ContextTar.warmUp();
            List<ContextEntry> entries = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            walk(directory, directory, ignore, new Walk(entries, skipped, new HashMap<>()));
            String dockerfileName = dockerfile.startsWith(directory) ? slashed(directory.relativize(dockerfile))
                    : addOutsideDockerfile(dockerfile, entries);
            walked = new Walked(List.copyOf(entries), dockerfileName, List.copyOf(skipped));
        }
        return this;
    }

    private Walked walked() {
        return walk().walked;
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
            throw unreadable(context, directory, e);
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

    /** The entry for a path, or null for a socket, which a tar cannot hold (the docker CLI skips it too). */
    private static ContextEntry describe(Path context, Path path, String name, Map<String, String> firstNames) {
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:mode,size,lastModifiedTime,nlink,dev,ino,rdev",
                    LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) unix.get("mode");
            long mtime = ((FileTime) unix.get("lastModifiedTime")).toMillis() / 1000;
            switch (mode & UnixFileMode.S_IFMT) {
                case UnixFileMode.S_IFSOCK:
                    return null;
                case UnixFileMode.S_IFIFO:
                    return ContextEntry.special(name, SentEntry.Type.FIFO, null, mode, mtime);
                case UnixFileMode.S_IFCHR:
                case UnixFileMode.S_IFBLK:
                    long rdev = (Long) unix.get("rdev");
                    return ContextEntry.special(name, (mode & UnixFileMode.S_IFMT) == UnixFileMode.S_IFCHR ? SentEntry.Type.CHAR_DEVICE
                            : SentEntry.Type.BLOCK_DEVICE, device(rdev), mode, mtime);
                default:
                    break;
            }
            if ((mode & UnixFileMode.S_IFMT) == UnixFileMode.S_IFLNK) {
                return ContextEntry.symlink(name, Files.readSymbolicLink(path).toString(), mode, mtime);
            }
            if ((mode & UnixFileMode.S_IFMT) == UnixFileMode.S_IFDIR) {
                if (!Files.isReadable(path) || !Files.isExecutable(path)) {
                    throw unreadable(context, path);
                }
                return ContextEntry.directory(name, mode, mtime);
            }
            if (!Files.isReadable(path)) {
                throw unreadable(context, path);
            }
            if ((Integer) unix.get("nlink") > 1) {
                String first = firstNames.putIfAbsent(unix.get("dev") + ":" + unix.get("ino"), name);
                if (first != null) {
                    return ContextEntry.hardLink(name, first, mode, mtime);
                }
            }
            return ContextEntry.file(name, path, (Long) unix.get("size"), mode, mtime);
        } catch (AccessDeniedException e) {
            throw unreadable(context, path);
        } catch (IOException e) {
            throw unreadable(context, path, e);
        }
    }

    private static ContextEntry.Device device(long rdev) {
        return new ContextEntry.Device(UnixFileMode.major(rdev), UnixFileMode.minor(rdev));
    }

    /** A path the walk cannot read for another reason than its permissions (gone mid-walk, an I/O error). */
    private static InvalidInputException unreadable(Path context, Path path, IOException cause) {
        return unreadable(context, path, IoCause.of(cause), cause);
    }

    private static InvalidInputException unreadable(Path context, Path path) {
        return unreadable(context, path, "permission denied", null);
    }

    private static InvalidInputException unreadable(Path context, Path path, String why, IOException cause) {
        String name = slashed(context.relativize(path));
        return new InvalidInputException(Problem.UNREADABLE_FILE, name,
                "build context: cannot read \"" + name + "\" (" + why + "); nothing was sent", cause);
    }

    /** Writes the context as tar to {@code out}, file by file, straight from disk. */
    public void writeTar(OutputStream out) throws IOException {
        ContextTar.write(walked().entries(), out);
    }

    /** The Dockerfile's path inside the context, as the engine's {@code dockerfile} parameter wants it. */
    public String dockerfileName() {
        return walked().dockerfileName();
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
        return walked().entries().stream().map(ContextEntry::name).toList();
    }

    /** Every entry, in the order the tar sends them. */
    public List<SentEntry> listing() {
        return walked().entries().stream().map(ContextEntry::sent).toList();
    }

    /** What rarely belongs in an image and is sent all the same (reads the first bytes of each file). */
    public List<ContextWarning> warnings() {
        return ContextWarnings.find(walked().entries());
    }

    public int fileCount() {
        return (int) walked().entries().stream().filter(entry -> entry.type() != SentEntry.Type.DIRECTORY).count();
    }

    public long byteCount() {
        return walked().entries().stream().mapToLong(ContextEntry::size).sum();
    }

    /** Sockets, which a tar cannot hold: left out, as the docker CLI leaves them out (and says so). */
    public List<String> skipped() {
        return walked().skipped();
    }

    static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.UNREADABLE_FILE, file.toString(), "build context: cannot read \""
                    + file + "\" (" + IoCause.of(e) + "); nothing was sent", e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

}
