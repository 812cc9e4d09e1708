package dev.nsg.dhpush.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.IoCause;

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
            throw new InvalidInputException(InvalidInputException.Problem.DOCKERIGNORE, file.toString(), "cannot read " + file + " ("
                    + IoCause.of(e) + ")", e);
        }
    }

    /** moby/patternmatcher's ignorefile.ReadAll, then its New(): the same trimming, cleaning and checks. */
    public static DockerIgnore parse(String text) {
        List<IgnorePattern> compiled = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1];
            if (number == 1 && line.startsWith(BOM)) {
                line = line.substring(1);
            }
            if (!line.startsWith("#")) {
                compile(line, number, true).ifPresent(compiled::add);
            }
        }
        return new DockerIgnore(compiled);
    }

    /**
     * Patterns as a list, as BuildKit's session metadata carries them ({@code include-patterns}, {@code
     * exclude-patterns}, already read from a .dockerignore by the daemon): cleaned as patternmatcher.New cleans them.
     */
    public static DockerIgnore ofPatterns(List<String> patterns) {
        List<IgnorePattern> compiled = new ArrayList<>();
        patterns.forEach(pattern -> compile(pattern, 0, false).ifPresent(compiled::add));
        return new DockerIgnore(compiled);
    }

    /**
     * One line: trimmed, its '!' read, cleaned; a leading '/' dropped where it comes from an ignore file (ReadAll does
     * that, patternmatcher.New does not). Empty for a blank line.
     */
    private static java.util.Optional<IgnorePattern> compile(String line, int number, boolean fromIgnoreFile) {
        String pattern = trimSpace(line);
        if (pattern.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean invert = pattern.charAt(0) == '!';
        if (invert) {
            pattern = trimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = CleanPath.clean(pattern);
            if (fromIgnoreFile && pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
        }
        return java.util.Optional.of(new IgnorePattern(invert ? "!" + pattern : pattern, number));
    }

    /** The patterns' texts, '!' included. */
    public List<String> patterns() {
        return patterns.stream().map(IgnorePattern::toString).toList();
    }

    static DockerIgnore fromPatterns(List<String> lines) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String line : lines) {
            compiled.add(new IgnorePattern(trimSpace(line), 0));
        }
        return new DockerIgnore(compiled);
    }

    /**
     * A copy that never excludes the given paths: the docker CLI's TrimBuildFilesFromExcludes, which appends
     * "!path" for the Dockerfile and .dockerignore when its (older, single-parent) matcher says they are excluded.
     */
    DockerIgnore keeping(List<String> paths) {
        List<IgnorePattern> kept = new ArrayList<>(patterns);
        for (String path : paths) {
            if (excludedByTheOlderMatcher(path)) {
                kept.add(new IgnorePattern("!" + path, 0));
            }
        }
        return new DockerIgnore(kept);
    }

    /**
     * patternmatcher's deprecated Matches: a pattern is tried on the path, then on the one parent prefix with as many
     * components as the pattern has. A pattern Go's regexp refuses makes it answer "not excluded", as the CLI ignores
     * that error here (the build then fails on it anyway).
     */
    private boolean excludedByTheOlderMatcher(String path) {
        boolean matched = false;
        int lastSlash = path.lastIndexOf('/');
        String[] parents = lastSlash < 0 ? new String[0] : path.substring(0, lastSlash).split("/");
        try {
            for (IgnorePattern pattern : patterns) {
                if (pattern.isExclusion() != matched) {
                    continue;
                }
                boolean match = pattern.matches(path);
                if (!match && parents.length > 0 && pattern.dirs().size() <= parents.length) {
                    match = pattern.matches(String.join("/", java.util.Arrays.copyOf(parents, pattern.dirs().size())));
                }
                if (match) {
                    matched = !pattern.isExclusion();
                }
            }
        } catch (InvalidInputException refusedByGo) {
            return false;
        }
        return matched;
    }

    /** Go's strings.TrimSpace: Unicode white space as unicode.IsSpace defines it, which Java's strip() does not. */
    static String trimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isGoSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0 -> true;
            default -> c > 0xff && (Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x2028 || c == 0x2029);
        };
    }

    /** Whether the slash-separated context-relative path is left out: it or one of its parents matches last. */
    public boolean excludes(String path) {
        return matchesOrParentMatches(path);
    }

    /** patternmatcher's MatchesOrParentMatches: the path or one of its parents matches, and no later '!' undoes it. */
    public boolean matchesOrParentMatches(String path) {
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
     * Whether a directory none of these patterns matches may still hold a path one of them matches, as fsutil's
     * filter decides whether to walk a directory its include patterns do not match: only where every pattern is a
     * plain path (wildcards make it walk everything) and none lies below the directory can it be skipped.
     */
    public boolean mayMatchInside(String directory) {
        String dirSlash = directory + "/";
        for (IgnorePattern pattern : patterns) {
            if (pattern.isExclusion()) {
                continue;
            }
            String text = withoutTrailingGlob(pattern.text());
            if (text.chars().anyMatch(c -> "*[]?^\\".indexOf(c) >= 0) || (text + "/").startsWith(dirSlash)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutTrailingGlob(String text) {
        String trimmed = text.endsWith("/**") ? text.substring(0, text.length() - 3) : text;
        return trimmed.endsWith("/*") ? trimmed.substring(0, trimmed.length() - 2) : trimmed;
    }

    /**
     * Whether an excluded directory must still be walked because a '!' pattern may re-include something inside it.
     * The same prefix test as the docker CLI's archive walker, so both send the same files.
     */
    public boolean mayReincludeInside(String directory) {
        if (!hasExclusions) {
            return false;
        }
        String dirSlash = directory + "/";
        return patterns.stream()
                .filter(IgnorePattern::isExclusion)
                .anyMatch(pattern -> (pattern.text() + "/").startsWith(dirSlash));
    }
}
