package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nsg.dhpush.buildkit.ContextSync;

/** {@code dhpush context}'s second part: what a BuildKit build is asked for, in words and as JSON. */
final class BuildKitContextView {

    private BuildKitContextView() {
    }

    static void print(ContextSync.View view, PrintWriter out) {
        out.println();
        out.println("buildkit: " + view.followPaths().map(paths -> "the build reads " + (paths.isEmpty() ? "nothing of the context"
                : String.join(", ", paths))).orElse("the build reads the whole context")
                + (view.excludePatterns().isEmpty() ? "" : ", minus " + view.excludePatterns().size() + " .dockerignore patterns")
                + (view.ignoreFile() == null ? "" : " (the daemon reads " + view.ignoreFile() + " first, on its own)"));
        for (ContextSync.Entry entry : view.entries()) {
            out.printf("%-10s %12d  %s%s%n", entry.type(), entry.size(), entry.path(),
                    entry.linkTarget() == null ? "" : (entry.type().equals("hardlink") ? " link to " : " -> ") + entry.linkTarget());
        }
        out.printf("buildkit total: %d entries (%d files), %d bytes (%s) on a first build; later builds send what changed%n",
                view.entries().size(), view.files(), view.bytes(), ByteSize.format(view.bytes()));
    }

    static Map<String, Object> json(ContextSync.View view) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("followPaths", view.followPaths().orElse(null));
        object.put("excludePatterns", view.excludePatterns());
        object.put("ignoreFile", view.ignoreFile());
        object.put("entries", view.entries().stream().map(entry -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", entry.type());
            item.put("size", entry.size());
            item.put("path", entry.path());
            item.put("target", entry.linkTarget());
            return item;
        }).toList());
        object.put("totals", Map.of("entries", view.entries().size(), "files", view.files(), "bytes", view.bytes()));
        return object;
    }
}
