package dev.nsg.dhpush.context;

import java.nio.file.Path;

import dev.nsg.dhpush.context.SentEntry.Type;

/**
 * One tar entry of the build context, described at walk time so the whole context is checked before a byte is sent.
 * The owner is always 0:0, as the docker CLI sends a build context.
 *
 * @param name slash-separated path inside the context ({@code django_project/manage.py}); directories without '/'
 * @param source the file to copy bytes from, or {@code null} for a generated entry
 * @param content the bytes of a generated entry (the out-of-context Dockerfile), or {@code null}
 * @param mode the permission bits (with setuid, setgid and sticky), as in the tar header
 * @param linkTarget a symlink's target, or for a hard link the name of the entry it shares its file with
 * @param device a device node's major and minor numbers, or null
 */
record ContextEntry(String name, Type type, Path source, byte[] content, long size, int mode, long modifiedSeconds,
        String linkTarget, Device device) {

    record Device(int major, int minor) {
    }

    static ContextEntry file(String name, Path source, long size, int mode, long modifiedSeconds) {
        return new ContextEntry(name, Type.FILE, source, null, size, mode, modifiedSeconds, null, null);
    }

    static ContextEntry directory(String name, int mode, long modifiedSeconds) {
        return new ContextEntry(name, Type.DIRECTORY, null, null, 0, mode, modifiedSeconds, null, null);
    }

    static ContextEntry symlink(String name, String target, int mode, long modifiedSeconds) {
        return new ContextEntry(name, Type.SYMLINK, null, null, 0, mode, modifiedSeconds, target, null);
    }

    static ContextEntry hardLink(String name, String firstName, int mode, long modifiedSeconds) {
        return new ContextEntry(name, Type.HARD_LINK, null, null, 0, mode, modifiedSeconds, firstName, null);
    }

    /** A FIFO (device null) or a character or block device node. */
    static ContextEntry special(String name, Type type, Device device, int mode, long modifiedSeconds) {
        return new ContextEntry(name, type, null, null, 0, mode, modifiedSeconds, null, device);
    }

    static ContextEntry generated(String name, byte[] content, long modifiedSeconds) {
        return new ContextEntry(name, Type.FILE, null, content, content.length, 0600, modifiedSeconds, null, null);
    }

    SentEntry sent() {
        return new SentEntry(name, type, size, linkTarget);
    }

    ContextEntry withContent(byte[] replacement) {
        return new ContextEntry(name, type, null, replacement, replacement.length, mode, modifiedSeconds, null, null);
    }
}
