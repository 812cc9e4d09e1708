package dev.nsg.dhpush.engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 chunked transfer coding (RFC 9112 §7.1), so a body of unknown length streams without buffering. */
final class ChunkedOutputStream extends FilterOutputStream {

    private static final byte[] CRLF = {'\r', '\n'};
    private boolean finished;

    ChunkedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        out.write(Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(bytes, offset, length);
        out.write(CRLF);
    }

    /** Writes the last, empty chunk; the underlying stream stays open for the response. */
    void finish() throws IOException {
        if (!finished) {
            finished = true;
            out.write('0');
            out.write(CRLF);
            out.write(CRLF);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
