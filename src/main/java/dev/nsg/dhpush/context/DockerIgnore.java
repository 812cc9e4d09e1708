package dev.nsg.dhpush.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a .dockerignore file, read and applied as the docker CLI does (moby/patternmatcher and its
 * ignorefile reader): later lines win, '!' re-includes, and a path is excluded when it or any parent matches.
 */
public final class DockerIgnore {

    private static final String BOM = "\uFEFF";

    private final List<IgnorePattern> patterns;
    private final boolean hasExclusions;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.hasExclusions = patterns.stream().anyMatch(IgnorePattern::isExclusion);
    }

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** Reads {@code .dockerignore} in the context directory; no file means nothing is ignored. */
    public static DockerIgnore read(Path contextDir) {
        Path file = contextDir.resolve(".dockerignore");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException absent) {
            return none();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static DockerIgnore parse(String text) {
        List<String> lines = new ArrayList<>();
        boolean first = true;
        for (String line : text.split("\r?\n", -1)) {
            if (first && line.startsWith(BOM)) {
                line = line.substring(1);
            }
            first = false;
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean invert = pattern.charAt(0) == '!';
            if (invert) {
                pattern = pattern.substring(1).strip();
            }
            if (!pattern.isEmpty()) {
                pattern = CleanPath.clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            lines.add(invert ? "!" + pattern : pattern);
        }
        return fromPatterns(lines);
    }

    static DockerIgnore fromPatterns(List<String> lines) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String line : lines) {
            compiled.add(new IgnorePattern(line));
        }
        return new DockerIgnore(compiled);
    }

    /** A copy that never excludes the given paths (the docker CLI always sends the Dockerfile and .dockerignore). */
    DockerIgnore keeping(List<String> paths) {
        List<String> lines = new ArrayList<>();
        patterns.forEach(pattern -> lines.add(pattern.toString()));
        for (String path : paths) {
            if (excludes(path)) {
                lines.add("!" + path);
            }
        }
        return fromPatterns(lines);
    }

    /** Whether the slash-separated context-relative path is left out: it or one of its parents matches last. */
    public boolean excludes(String path) {
        boolean matched = false;
        int lastSlash = path.lastIndexOf('/');
        String[] parents = lastSlash < 0 ? new String[0] : path.substring(0, lastSlash).split("/");
        for (IgnorePattern pattern : patterns) {
            // Only an exclusion can flip a match, and only a plain pattern can start one.
            if (pattern.isExclusion() != matched) {
                continue;
            }
            boolean match = pattern.matches(path);
            StringBuilder parent = new StringBuilder();
            for (int i = 0; !match && i < parents.length; i++) {
                if (i > 0) {
                    parent.append('/');
                }
                parent.append(parents[i]);
                match = pattern.matches(parent.toString());
            }
            if (match) {
                matched = !pattern.isExclusion();
            }
        }
        return matched;
    }

    /**
     * Whether an excluded directory must still be walked because a '!' pattern may re-include something inside it.
     * The same prefix test as the docker CLI's archive walker, so both send the same files.
     */
    boolean mayReincludeInside(String directory) {
        if (!hasExclusions) {
            return false;
        }
        String dirSlash = directory + "/";
        return patterns.stream()
                .filter(IgnorePattern::isExclusion)
                .anyMatch(pattern -> (pattern.text() + "/").startsWith(dirSlash));
    }
}
