package dev.nsg.dhpush.buildkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.nsg.dhpush.buildkit.wire.Stat;
import dev.nsg.dhpush.context.DockerIgnore;
import dev.nsg.dhpush.dockerfile.ContextSources;
import dev.nsg.dhpush.dockerfile.DockerfileInstructions;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;
import dev.nsg.dhpush.failure.IoCause;

/**
 * What a BuildKit build's session would send of a context, worked out without an engine: the same listing and filter
 * the file sync applies, with the paths the Dockerfile reads as {@code followpaths} and the .dockerignore patterns as
 * {@code exclude-patterns}, as the daemon would ask for them. On a first build every file listed is sent; later builds
 * of the same directory send only what changed.
 */
public final class ContextSync {

    /** One entry as the daemon would be told about it; {@code size} is the bytes it would be sent (0 but for files). */
    public record Entry(String path, String type, long size, String linkTarget) {
    }

    /**
     * What BuildKit would be asked for by a build of {@code dockerfile} in {@code context}.
     *
     * @param followPaths the paths the build reads, or empty for the whole context
     * @param ignoreFile the context's .dockerignore, which the daemon reads on its own before the context, or null
     */
    public record View(Optional<List<String>> followPaths, List<String> excludePatterns, List<Entry> entries, String ignoreFile) {

        public long files() {
            return entries.stream().filter(entry -> entry.type().equals("file")).count();
        }

        public long bytes() {
            return entries.stream().mapToLong(Entry::size).sum();
        }
    }

    private ContextSync() {
    }

    /**
     * The view of a build: the Dockerfile's context sources as followpaths, and the patterns of the ignore file the
     * daemon reads ({@code <Dockerfile>.dockerignore} next to the Dockerfile where there is one, else the context's).
     */
    public static View forBuild(Path context, Path dockerfile, String target) {
        Optional<List<String>> followPaths = ContextSources.of(DockerfileInstructions.read(dockerfile), target);
        Path own = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
        List<String> excludes;
        try {
            excludes = Files.isRegularFile(own) ? DockerIgnore.parse(Files.readString(own, StandardCharsets.UTF_8)).patterns()
                    : DockerIgnore.read(context).patterns();
        } catch (IOException e) {
            throw new InvalidInputException(Problem.DOCKERIGNORE, own.toString(), "read " + own + ": " + IoCause.of(e), e);
        }
        String ignoreFile = Files.isRegularFile(context.resolve(".dockerignore")) ? ".dockerignore" : null;
        try {
            return new View(followPaths, excludes, listing(context, followPaths, excludes), ignoreFile);
        } catch (UncheckedIOException e) {
            // A directory or file the walk cannot read: the user's to fix, as with the classic builder's tar.
            throw new InvalidInputException(Problem.UNREADABLE_FILE, context.toString(), "list the build context " + context
                    + ": " + e.getMessage() + " (" + IoCause.of(e.getCause()) + ")", e);
        }
    }

    /** @param followPaths the paths the build reads, or empty for the whole context */
    public static List<Entry> listing(Path context, Optional<List<String>> followPaths, List<String> excludePatterns) {
        SyncFilter filter = SyncFilter.of(context, List.of(), excludePatterns, followPaths.orElse(List.of()));
        List<Entry> entries = new ArrayList<>();
        DirectoryListing.walk(context, filter, entry -> entries.add(describe(entry)));
        return entries;
    }

    private static Entry describe(SyncEntry entry) {
        Stat stat = entry.stat();
        if (entry.isDirectory()) {
            return new Entry(stat.getPath(), "directory", 0, null);
        }
        if ((stat.getMode() & SyncEntry.GO_SYMLINK) != 0) {
            return new Entry(stat.getPath(), "symlink", 0, stat.getLinkname());
        }
        if (entry.isHardLink()) {
            return new Entry(stat.getPath(), "hardlink", 0, stat.getLinkname());
        }
        return new Entry(stat.getPath(), entry.isRegularFile() ? "file" : "special", entry.isRegularFile() ? stat.getSize() : 0, null);
    }
}
