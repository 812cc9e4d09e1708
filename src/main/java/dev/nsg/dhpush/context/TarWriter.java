package dev.nsg.dhpush.context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes POSIX tar (ustar, with PAX records for long names and large sizes) as the Docker engine reads it.
 * Only headers are built here; file bytes are streamed through by the caller.
 */
final class TarWriter {

    static final int BLOCK = 512;
    private static final long MAX_OCTAL_SIZE = 077777777777L;

    private final OutputStream out;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    void writeHeader(ContextEntry entry) throws IOException {
        String name = entry.type() == ContextEntry.Type.DIRECTORY ? entry.name() + "/" : entry.name();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        String link = entry.linkTarget() == null ? "" : entry.linkTarget();
        byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
        long size = entry.type() == ContextEntry.Type.FILE ? entry.size() : 0;

        String prefix = "";
        String shortName = name;
        StringBuilder pax = new StringBuilder();
        if (nameBytes.length > 100) {
            int split = ustarSplit(name);
            if (split > 0) {
                prefix = name.substring(0, split);
                shortName = name.substring(split + 1);
            } else {
                paxRecord(pax, "path", name);
                shortName = truncate(name, 100);
            }
        }
        if (linkBytes.length > 100) {
            paxRecord(pax, "linkpath", link);
            link = truncate(link, 100);
        }
        if (size > MAX_OCTAL_SIZE) {
            paxRecord(pax, "size", Long.toString(size));
        }
        if (pax.length() > 0) {
            byte[] records = pax.toString().getBytes(StandardCharsets.UTF_8);
            out.write(header("PaxHeaders/" + truncate(shortName, 80), "", 0644, 0, 0, records.length,
                    entry.modifiedSeconds(), (byte) 'x', ""));
            out.write(records);
            pad(records.length);
        }
        byte type = switch (entry.type()) {
            case FILE -> (byte) '0';
            case DIRECTORY -> (byte) '5';
            case SYMLINK -> (byte) '2';
            case HARD_LINK -> (byte) '1';
        };
        out.write(header(shortName, prefix, entry.mode(), entry.uid(), entry.gid(),
                Math.min(size, MAX_OCTAL_SIZE), entry.modifiedSeconds(), type, link));
    }

    /** Pads the last data block of an entry of the given size. */
    void pad(long size) throws IOException {
        int remainder = (int) (size % BLOCK);
        if (remainder != 0) {
            out.write(new byte[BLOCK - remainder]);
        }
    }

    /** Two zero blocks end the archive. */
    void finish() throws IOException {
        out.write(new byte[BLOCK * 2]);
        out.flush();
    }

    private static int ustarSplit(String name) {
        int limit = Math.min(name.length() - 1, 155);
        for (int i = limit; i > 0; i--) {
            if (name.charAt(i) == '/' && name.substring(i + 1).getBytes(StandardCharsets.UTF_8).length <= 100
                    && name.substring(0, i).getBytes(StandardCharsets.UTF_8).length <= 155) {
                return i;
            }
        }
        return -1;
    }

    private static void paxRecord(StringBuilder pax, String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
        int length = bodyLength + Integer.toString(bodyLength).length();
        if (Integer.toString(length).length() + bodyLength != length) {
            length++;
        }
        pax.append(length).append(body);
    }

    private static String truncate(String text, int bytes) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        return raw.length <= bytes ? text : new String(Arrays.copyOf(raw, bytes), StandardCharsets.UTF_8);
    }

    private static byte[] header(String name, String prefix, int mode, int uid, int gid, long size, long mtime,
            byte type, String link) {
        byte[] block = new byte[BLOCK];
        put(block, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        octal(block, 100, 8, mode & 07777);
        octal(block, 108, 8, uid);
        octal(block, 116, 8, gid);
        octal(block, 124, 12, size);
        octal(block, 136, 12, Math.max(0, mtime));
        Arrays.fill(block, 148, 156, (byte) ' ');
        block[156] = type;
        put(block, 157, 100, link.getBytes(StandardCharsets.UTF_8));
        put(block, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(block, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(block, 345, 155, prefix.getBytes(StandardCharsets.UTF_8));
        long checksum = 0;
        for (byte b : block) {
            checksum += b & 0xff;
        }
        octal(block, 148, 7, checksum);
        return block;
    }

    private static void put(byte[] block, int offset, int length, byte[] value) {
        System.arraycopy(value, 0, block, offset, Math.min(length, value.length));
    }

    private static void octal(byte[] block, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
        put(block, offset, length - 1, padded.getBytes(StandardCharsets.US_ASCII));
        block[offset + length - 1] = 0;
    }
}
