package dev.nsg.dhpush.context;

import java.nio.file.Path;

/**
 * One tar entry of the build context, described at walk time so the whole context is checked before a byte is sent.
 *
 * @param name slash-separated path inside the context ({@code django_project/manage.py}); directories without '/'
 * @param source the file to copy bytes from, or {@code null} for a generated entry
 * @param content the bytes of a generated entry (the out-of-context Dockerfile), or {@code null}
 * @param linkTarget a symlink's target, or for a hard link the name of the entry it shares its file with
 */
record ContextEntry(String name, Type type, Path source, byte[] content, long size, int mode, int uid, int gid,
        long modifiedSeconds, String linkTarget) {

    /** HARD_LINK: a second name for a file already sent, sent without its bytes, as the docker CLI does. */
    enum Type { FILE, DIRECTORY, SYMLINK, HARD_LINK }

    static ContextEntry generated(String name, byte[] content, long modifiedSeconds) {
        return new ContextEntry(name, Type.FILE, null, content, content.length, 0600, 0, 0, modifiedSeconds, null);
    }

    ContextEntry withContent(byte[] replacement) {
        return new ContextEntry(name, type, null, replacement, replacement.length, mode, uid, gid, modifiedSeconds, null);
    }
}
