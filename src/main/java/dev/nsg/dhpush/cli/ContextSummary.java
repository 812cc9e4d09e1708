package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.nsg.dhpush.context.BuildContext;
import dev.nsg.dhpush.context.ContextWarning;
import dev.nsg.dhpush.context.SentEntry;

/** A build context as people and machines read it: the listing, the totals, the ten largest entries, the warnings. */
record ContextSummary(BuildContext context, List<SentEntry> entries, List<ContextWarning> warnings) {

    private static final int LARGEST = 10;
    private static final int PATHS_SHOWN = 3;

    static ContextSummary of(BuildContext context) {
        return new ContextSummary(context, context.listing(), context.warnings());
    }

    long directories() {
        return entries.stream().filter(entry -> entry.type() == SentEntry.Type.DIRECTORY).count();
    }

    List<SentEntry> largest() {
        return entries.stream().filter(entry -> entry.type() == SentEntry.Type.FILE)
                .sorted(Comparator.comparingLong(SentEntry::size).reversed()).limit(LARGEST).toList();
    }

    void printListing(PrintWriter out) {
        entries.forEach(entry -> out.println(line(entry)));
    }

    void printTotals(PrintWriter out) {
        out.printf("total: %d entries (%d files, %d directories), %d bytes (%s)%n", entries.size(), context.fileCount(),
                directories(), context.byteCount(), ByteSize.format(context.byteCount()));
        List<SentEntry> largest = largest();
        if (!largest.isEmpty()) {
            out.println("largest:");
            largest.forEach(entry -> out.printf("  %12d  %s%n", entry.size(), entry.path()));
        }
    }

    /** One line each on stderr: what would be sent, and the .dockerignore line that leaves it out. */
    void printWarnings(PrintWriter err) {
        for (ContextWarning warning : warnings) {
            err.println("warning: " + sentence(warning));
        }
        err.flush();
    }

    static String sentence(ContextWarning warning) {
        List<String> paths = warning.paths();
        String shown = String.join(", ", paths.subList(0, Math.min(PATHS_SHOWN, paths.size())))
                + (paths.size() > PATHS_SHOWN ? " and " + (paths.size() - PATHS_SHOWN) + " more" : "");
        String lines = warning.dockerignoreLine().contains("\n") ? "these .dockerignore lines: "
                + warning.dockerignoreLine().replace("\n", " ") : "the .dockerignore line: " + warning.dockerignoreLine();
        return what(warning.kind(), paths.size() > 1) + " would be sent: " + shown + "; leave " + (paths.size() > 1 ? "them" : "it")
                + " out with " + lines;
    }

    private static String what(ContextWarning.Kind kind, boolean several) {
        String one = switch (kind) {
            case ENV_FILE -> "an environment file (settings and often secrets)";
            case PRIVATE_KEY -> "a private key or certificate";
            case SQLITE_DATABASE -> "a SQLite database";
            case GIT -> "a Git repository (its whole history)";
            case VIRTUALENV -> "a Python virtualenv (built for this machine, not the image)";
            case PYCACHE -> "a Python bytecode cache";
            case NODE_MODULES -> "a node_modules directory (built for this machine, not the image)";
        };
        if (!several) {
            return one;
        }
        return switch (kind) {
            case ENV_FILE -> "environment files (settings and often secrets)";
            case PRIVATE_KEY -> "private keys or certificates";
            case SQLITE_DATABASE -> "SQLite databases";
            case GIT -> "Git repositories";
            case VIRTUALENV -> "Python virtualenvs";
            case PYCACHE -> "Python bytecode caches";
            case NODE_MODULES -> "node_modules directories";
        };
    }

    private static String line(SentEntry entry) {
        String type = lowerCase(entry.type());
        String path = entry.path() + (entry.type() == SentEntry.Type.DIRECTORY ? "/" : "");
        String link = switch (entry.type()) {
            case SYMLINK -> " -> " + entry.linkTarget();
            case HARD_LINK -> " link to " + entry.linkTarget();
            default -> "";
        };
        return String.format("%-12s %12d  %s%s", type, entry.size(), path, link);
    }

    /** The summary as one JSON object; {@code withEntries} false leaves out the listing (doctor's view). */
    Map<String, Object> json(boolean withEntries) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("context", context.directory().toString());
        object.put("dockerfile", context.dockerfileName());
        if (withEntries) {
            object.put("entries", entries.stream().map(ContextSummary::entryJson).toList());
        }
        object.put("totals", Map.of("entries", entries.size(), "files", context.fileCount(), "directories", directories(),
                "bytes", context.byteCount()));
        object.put("largest", largest().stream().map(ContextSummary::entryJson).toList());
        List<Map<String, Object>> warned = new ArrayList<>();
        for (ContextWarning warning : warnings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", lowerCase(warning.kind()));
            item.put("paths", warning.paths());
            item.put("dockerignore", List.of(warning.dockerignoreLine().split("\n")));
            item.put("message", sentence(warning));
            warned.add(item);
        }
        object.put("warnings", warned);
        object.put("skipped", context.skipped());
        return object;
    }

    /** {@code HARD_LINK} as {@code hard-link}: how entry types and warning kinds are printed and put in JSON. */
    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<String, Object> entryJson(SentEntry entry) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("path", entry.path());
        item.put("type", lowerCase(entry.type()));
        item.put("size", entry.size());
        if (entry.linkTarget() != null) {
            item.put("linkTarget", entry.linkTarget());
        }
        return item;
    }
}
