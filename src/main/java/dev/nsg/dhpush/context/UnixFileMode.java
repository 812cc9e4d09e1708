package dev.nsg.dhpush.context;

/**
 * The file type bits of a Unix {@code st_mode} (sys/stat.h) and Linux's device numbers, as Java's {@code unix:mode} and
 * {@code unix:rdev} attributes give them: both the context's tar and BuildKit's file sync tell file kinds apart by them.
 */
public final class UnixFileMode {

    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    private UnixFileMode() {
    }

    public static int type(int mode) {
        return mode & S_IFMT;
    }

    /** Linux's dev_t encoding (glibc's gnu_dev_major). */
    public static int major(long rdev) {
        return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    }

    /** Linux's dev_t encoding (glibc's gnu_dev_minor). */
    public static int minor(long rdev) {
        return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    }
}
