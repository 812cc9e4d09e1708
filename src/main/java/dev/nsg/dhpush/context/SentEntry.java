package dev.nsg.dhpush.context;

/**
 * One entry of the build context as the engine receives it, for {@code dhpush context}.
 *
 * @param path slash-separated path inside the context; directories without a trailing '/'
 * @param size the bytes a file carries in the tar (0 for everything else)
 * @param linkTarget a symlink's target, or for a hard link the path of the entry it shares its bytes with; else null
 */
public record SentEntry(String path, Type type, long size, String linkTarget) {

    /** The tar entry types a build context can hold; HARD_LINK is a further name of a file already sent. */
    public enum Type { FILE, DIRECTORY, SYMLINK, HARD_LINK, FIFO, CHAR_DEVICE, BLOCK_DEVICE }
}
