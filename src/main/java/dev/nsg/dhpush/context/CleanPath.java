package dev.nsg.dhpush.context;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Go's {@code path.Clean}, which the docker CLI applies to every .dockerignore line; Java's
 * {@code Path.normalize()} differs on leading "..", rooted paths and the empty path, so it is ported as is.
 */
final class CleanPath {

    private CleanPath() {
    }

    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
