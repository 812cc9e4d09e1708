package dev.nsg.dhpush.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads CRLF-terminated protocol lines (status line, headers, chunk sizes), with a length cap. */
final class HttpLines {

    private static final int MAX_LINE = 64 * 1024;

    private HttpLines() {
    }

    static String readLine(InputStream in) throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    throw new EOFException("the engine closed the connection");
                }
                break;
            }
            if (b == '\n') {
                break;
            }
            if (length == line.length) {
                if (length >= MAX_LINE) {
                    throw new IOException("a protocol line from the engine is longer than " + MAX_LINE + " bytes");
                }
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
}
