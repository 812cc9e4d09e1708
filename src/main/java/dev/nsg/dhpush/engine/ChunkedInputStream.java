package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/** Decodes an HTTP/1.1 chunked body (RFC 9112 §7.1); trailers are read and dropped. */
final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private long remainingInChunk;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (done) {
            return -1;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = nextChunkSize();
            if (remainingInChunk == 0) {
                while (!HttpLines.readLine(in).isEmpty()) {
                    // trailer fields carry nothing the engine API uses
                }
                done = true;
                return -1;
            }
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (read < 0) {
            throw new IOException("the engine closed the connection in the middle of a chunk");
        }
        remainingInChunk -= read;
        if (remainingInChunk == 0) {
            HttpLines.readLine(in);
        }
        return read;
    }

    private long nextChunkSize() throws IOException {
        String line = HttpLines.readLine(in);
        int extension = line.indexOf(';');
        String size = (extension >= 0 ? line.substring(0, extension) : line).trim();
        try {
            long parsed = Long.parseLong(size, 16);
            if (parsed < 0) {
                throw new NumberFormatException(size);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed chunk size \"" + size + "\" from the engine");
        }
    }
}
