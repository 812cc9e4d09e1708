package dev.nsg.dhpush.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds what rarely belongs in an image among the entries a context sends. Only what is sent is looked at, so a file
 * .dockerignore already excludes never warns, and each warning's suggested line is proven to exclude its entries by
 * {@link DockerIgnore} itself, the matcher the build uses.
 */
final class ContextWarnings {

    /** The first 16 bytes of every SQLite 3 database (sqlite.org/fileformat.html, 1.3.1). */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> KEY_SUFFIXES = List.of(".pem", ".key");
    private static final List<String> KEY_PREFIXES = List.of("id_rsa", "id_ecdsa", "id_ed25519", "id_dsa");
    /** Templates meant to be committed, not secrets. */
    private static final List<String> ENV_TEMPLATES = List.of(".example", ".sample", ".template", ".dist");

    private ContextWarnings() {
    }

    static List<ContextWarning> find(List<ContextEntry> entries) {
        List<ContextWarning> warnings = new ArrayList<>();
        directories(entries, ContextWarning.Kind.GIT, ".git", warnings);
        Set<String> names = entries.stream().map(ContextEntry::name).collect(Collectors.toSet());
        for (ContextEntry entry : entries) {
            if (entry.type() == SentEntry.Type.DIRECTORY && names.contains(entry.name() + "/pyvenv.cfg")
                    && !insideAny(entry.name(), warnings)) {
                warnings.add(warning(ContextWarning.Kind.VIRTUALENV, List.of(entry.name()), List.of()));
            }
        }
        directories(entries, ContextWarning.Kind.NODE_MODULES, "node_modules", warnings);
        directories(entries, ContextWarning.Kind.PYCACHE, "__pycache__", warnings);
        Map<String, List<String>> envFiles = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Map<String, List<String>> databases = new LinkedHashMap<>();
        for (ContextEntry entry : entries) {
            if (entry.type() != SentEntry.Type.FILE || insideAny(entry.name(), warnings)) {
                continue;
            }
            String base = baseName(entry.name());
            // By exact name: a wider line (.env.*, *.db) would also leave out templates and files that are not databases.
            if (base.equals(".env") || base.startsWith(".env.") && ENV_TEMPLATES.stream().noneMatch(base::endsWith)) {
                envFiles.computeIfAbsent("**/" + base, line -> new ArrayList<>()).add(entry.name());
            }
            keyPattern(base).ifPresent(line -> keys.computeIfAbsent(line, l -> new ArrayList<>()).add(entry.name()));
            if (isSqlite(entry)) {
                databases.computeIfAbsent("**/" + base, l -> new ArrayList<>()).add(entry.name());
            }
        }
        envFiles.forEach((line, paths) -> warnings.add(warning(ContextWarning.Kind.ENV_FILE, paths, List.of(line))));
        keys.forEach((line, paths) -> warnings.add(warning(ContextWarning.Kind.PRIVATE_KEY, paths, List.of(line))));
        databases.forEach((line, paths) -> warnings.add(warning(ContextWarning.Kind.SQLITE_DATABASE, paths, List.of(line))));
        return warnings;
    }

    /** Every outermost entry named {@code name} (a directory, or a file for a worktree's .git) as one warning. */
    private static void directories(List<ContextEntry> entries, ContextWarning.Kind kind, String name, List<ContextWarning> warnings) {
        List<String> roots = new ArrayList<>();
        for (ContextEntry entry : entries) {
            boolean named = baseName(entry.name()).equals(name)
                    && (entry.type() == SentEntry.Type.DIRECTORY || kind == ContextWarning.Kind.GIT);
            if (named && roots.stream().noneMatch(root -> entry.name().startsWith(root + "/")) && !insideAny(entry.name(), warnings)) {
                roots.add(entry.name());
            }
        }
        if (!roots.isEmpty()) {
            warnings.add(warning(kind, roots, List.of("**/" + name)));
        }
    }

    private static Optional<String> keyPattern(String base) {
        for (String suffix : KEY_SUFFIXES) {
            if (base.endsWith(suffix) && base.length() > suffix.length()) {
                return Optional.of("**/*" + suffix);
            }
        }
        for (String prefix : KEY_PREFIXES) {
            if (base.startsWith(prefix)) {
                return Optional.of("**/" + prefix + "*");
            }
        }
        return Optional.empty();
    }

    /**
     * The warning with a line that excludes all its paths: the first of {@code general} that the build's matcher
     * confirms, else the one path as a literal line, else each path as a literal line.
     */
    private static ContextWarning warning(ContextWarning.Kind kind, List<String> paths, List<String> general) {
        // The general line first: it also leaves out the next such file someone adds.
        List<String> candidates = new ArrayList<>(general);
        if (paths.size() == 1) {
            candidates.add(literal(paths.get(0)));
        }
        for (String line : candidates) {
            DockerIgnore ignore = DockerIgnore.parse(line);
            if (paths.stream().allMatch(ignore::excludes)) {
                return new ContextWarning(kind, List.copyOf(paths), line);
            }
        }
        return new ContextWarning(kind, List.copyOf(paths), paths.stream().map(ContextWarnings::literal).collect(Collectors.joining("\n")));
    }

    /** A path as a .dockerignore line that matches only itself: Go's filepath.Match metacharacters escaped. */
    static String literal(String path) {
        StringBuilder line = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == '\\' || (line.length() == 0 && (c == '!' || c == '#'))) {
                line.append('\\');
            }
            line.append(c);
        }
        return line.toString();
    }

    /** Whether a path is, or lies under, a directory already warned about (file kinds are found only after those). */
    private static boolean insideAny(String path, List<ContextWarning> warnings) {
        return warnings.stream().flatMap(w -> w.paths().stream()).anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }

    private static boolean isSqlite(ContextEntry entry) {
        if (entry.size() < SQLITE_HEADER.length) {
            return false;
        }
        byte[] head;
        if (entry.content() != null) {
            head = Arrays.copyOf(entry.content(), SQLITE_HEADER.length);
        } else {
            try (InputStream in = Files.newInputStream(entry.source())) {
                head = in.readNBytes(SQLITE_HEADER.length);
            } catch (IOException unreadableNow) {
                return false;
            }
        }
        return Arrays.equals(head, SQLITE_HEADER);
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
