package dev.nsg.dhpush.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * The build context as a tar stream, written with Commons Compress (as Jib writes its layers): POSIX ustar with PAX
 * records for long names, long link targets, non-ASCII names and large sizes, owner 0:0. File bytes are copied
 * straight from disk, exactly as many as the scan saw. The archive ends padded to a whole record (the engine reads
 * up to the end-of-archive blocks and ignores the rest).
 */
final class ContextTar {

    private static final int COPY_BUFFER = 64 * 1024;
    /**
     * Commons Compress writes whole records. 64 KiB, the engine client's chunk size, instead of its default of one
     * 512-byte block: each record then goes out as one HTTP chunk without another copy.
     */
    private static final int RECORD_SIZE = 64 * 1024;

    private ContextTar() {
    }

    /**
     * Loads and links the tar writer (Commons Compress and what it uses, some fifty classes) on a daemon thread, so a
     * build pays for that while it plans and negotiates with the engine rather than before its first byte goes out.
     */
    static void warmUp() {
        Thread warmUp = new Thread(() -> {
            try {
                write(List.of(ContextEntry.generated("warm-up", new byte[1], 0)), OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException ignored) {
                // only a head start: the real write reports its own failures
            }
        }, "dhpush-tar-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    static void write(List<ContextEntry> entries, OutputStream out) throws IOException {
        // The engine's answer comes over the same connection: finishing the archive must not close the stream.
        TarArchiveOutputStream tar = new TarArchiveOutputStream(CloseShieldOutputStream.wrap(out), RECORD_SIZE,
                StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        byte[] buffer = new byte[COPY_BUFFER];
        for (ContextEntry entry : entries) {
            tar.putArchiveEntry(header(entry));
            if (entry.type() == SentEntry.Type.FILE) {
                if (entry.content() != null) {
                    tar.write(entry.content());
                } else {
                    copyExactly(entry, tar, buffer);
                }
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    private static TarArchiveEntry header(ContextEntry entry) {
        TarArchiveEntry header = switch (entry.type()) {
            case FILE -> new TarArchiveEntry(entry.name(), TarConstants.LF_NORMAL);
            case DIRECTORY -> new TarArchiveEntry(entry.name() + "/", TarConstants.LF_DIR);
            case SYMLINK -> new TarArchiveEntry(entry.name(), TarConstants.LF_SYMLINK);
            case HARD_LINK -> new TarArchiveEntry(entry.name(), TarConstants.LF_LINK);
            case FIFO -> new TarArchiveEntry(entry.name(), TarConstants.LF_FIFO);
            case CHAR_DEVICE -> new TarArchiveEntry(entry.name(), TarConstants.LF_CHR);
            case BLOCK_DEVICE -> new TarArchiveEntry(entry.name(), TarConstants.LF_BLK);
        };
        header.setMode(entry.mode() & 07777);
        header.setIds(0, 0);
        header.setModTime(FileTime.fromMillis(entry.modifiedSeconds() * 1000));
        if (entry.type() == SentEntry.Type.FILE) {
            header.setSize(entry.size());
        }
        if (entry.linkTarget() != null) {
            header.setLinkName(entry.linkTarget());
        }
        if (entry.device() != null) {
            header.setDevMajor(entry.device().major());
            header.setDevMinor(entry.device().minor());
        }
        return header;
    }

    /** The file's bytes as the scan sized them: a file that grew is cut there; one that shrank fails the run. */
    private static void copyExactly(ContextEntry entry, OutputStream tar, byte[] buffer) throws IOException {
        try (InputStream in = Files.newInputStream(entry.source())) {
            long copied = IOUtils.copyLarge(in, tar, 0, entry.size(), buffer);
            if (copied != entry.size()) {
                throw new IOException("\"" + entry.name() + "\" shrank while the build context was being sent");
            }
        }
    }
}
