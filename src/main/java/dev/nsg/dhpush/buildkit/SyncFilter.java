package dev.nsg.dhpush.buildkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.nsg.dhpush.context.DockerIgnore;

/**
 * Which paths of a synced directory the daemon asked for, as fsutil's FilterFS reads a DiffCopy call's metadata:
 * {@code include-patterns} and {@code followpaths} (with the targets of symlinks among them) say what may be sent,
 * {@code exclude-patterns} (the .dockerignore the daemon read) what must not. Patterns are matched by the same
 * matcher as the classic builder's context.
 */
final class SyncFilter {

    /** Go's filepath.EvalSymlinks gives up after 255 links; so does fsutil's FollowLinks. */
    private static final int MAX_LINKS = 255;

    private final DockerIgnore include;
    private final DockerIgnore exclude;

    private SyncFilter(DockerIgnore include, DockerIgnore exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    static SyncFilter of(Path root, List<String> includePatterns, List<String> excludePatterns, List<String> followPaths) {
        List<String> includes = new ArrayList<>(includePatterns);
        if (!followPaths.isEmpty()) {
            includes.addAll(followed(root, followPaths));
        }
        return new SyncFilter(includes.isEmpty() ? null : DockerIgnore.ofPatterns(includes),
                excludePatterns.isEmpty() ? null : DockerIgnore.ofPatterns(excludePatterns));
    }

    /** Whether the entry itself is sent (its parents go before it whether they pass or not). */
    boolean sends(String path) {
        return (include == null || include.matchesOrParentMatches(path)) && (exclude == null || !exclude.excludes(path));
    }

    /** Whether a directory must be walked although it is not sent itself: something inside may be. */
    boolean walksInto(String directory, boolean sent) {
        if (sent) {
            return true;
        }
        boolean includeAllows = include == null || include.matchesOrParentMatches(directory) || include.mayMatchInside(directory);
        boolean excludeAllows = exclude == null || !exclude.excludes(directory) || exclude.mayReincludeInside(directory);
        return includeAllows && excludeAllows;
    }

    /** The followed paths and, for each that is a symlink inside the directory, the path it leads to. */
    private static Set<String> followed(Path root, List<String> paths) {
        Set<String> all = new LinkedHashSet<>();
        for (String path : paths) {
            String current = clean(path);
            for (int hops = 0; hops < MAX_LINKS && current != null && all.add(current); hops++) {
                current = linkTarget(root, current);
            }
        }
        return all;
    }

    private static String linkTarget(Path root, String path) {
        Path file = root.resolve(path);
        if (!Files.isSymbolicLink(file)) {
            return null;
        }
        try {
            String target = Files.readSymbolicLink(file).toString();
            Path resolved = target.startsWith("/") ? Path.of(target.substring(1)) : Path.of(path).resolveSibling(target);
            String cleaned = clean(resolved.normalize().toString());
            // A link out of the directory leads nowhere the daemon may read.
            return cleaned == null || cleaned.startsWith("../") || cleaned.equals("..") ? null : cleaned;
        } catch (IOException e) {
            return null;
        }
    }

    private static String clean(String path) {
        String text = Path.of(path.isEmpty() ? "." : path).normalize().toString();
        while (text.startsWith("/")) {
            text = text.substring(1);
        }
        return text.isEmpty() || text.equals(".") ? null : text;
    }
}
