package dev.nsg.dhpush.buildkit;

import java.nio.file.Path;

import dev.nsg.dhpush.buildkit.wire.Stat;

/**
 * One path of a synced directory as the daemon is told about it, and where its bytes are when it asks.
 *
 * @param links how many names the file has
 * @param inode its device and inode, which tell its names apart from other files'
 */
record SyncEntry(Stat stat, Path file, int links, String inode) {

    /** Go's os.FileMode type bits: fsutil sends modes as Go has them, not as st_mode. */
    static final int GO_DIR = 1 << 31;
    static final int GO_SYMLINK = 1 << 27;
    static final int GO_DEVICE = 1 << 26;
    static final int GO_NAMED_PIPE = 1 << 25;
    static final int GO_SOCKET = 1 << 24;
    static final int GO_SETUID = 1 << 23;
    static final int GO_SETGID = 1 << 22;
    static final int GO_CHAR_DEVICE = 1 << 21;
    static final int GO_STICKY = 1 << 20;
    private static final int GO_TYPE = GO_DIR | GO_SYMLINK | GO_DEVICE | GO_NAMED_PIPE | GO_SOCKET | GO_CHAR_DEVICE;

    /** Only regular files are ever requested (and of those, not a further name of one already sent). */
    boolean isRegularFile() {
        return (stat.getMode() & GO_TYPE) == 0;
    }

    boolean isHardLink() {
        return isRegularFile() && !stat.getLinkname().isEmpty();
    }

    boolean isDirectory() {
        return (stat.getMode() & GO_DIR) != 0;
    }
}
