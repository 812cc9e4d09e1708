package dev.nsg.dhpush.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** HTTP/1.1 chunked transfer coding (RFC 9112 §7.1), both ways. */
class ChunkedStreamsTest {

    private static byte[] encode(byte[][] pieces) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ChunkedOutputStream chunked = new ChunkedOutputStream(wire);
        for (byte[] piece : pieces) {
            chunked.write(piece);
        }
        chunked.finish();
        return wire.toByteArray();
    }

    private static InputStream decoding(String wire) {
        return new ChunkedInputStream(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void roundTrip_keepsEveryByte_andEndsWithTheLastChunk() throws IOException {
        byte[][] pieces = {new byte[1], new byte[0], new byte[70_000], "tail".getBytes(StandardCharsets.UTF_8)};
        new Random(42).nextBytes(pieces[2]);
        byte[] wire = encode(pieces);
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("1\r\n\0\r\n11170\r\n"), "hex sizes, and no chunk for an empty write");
        assertTrue(text.endsWith("4\r\ntail\r\n0\r\n\r\n"), "the last chunk ends the body");
        byte[] decoded = new ChunkedInputStream(new ByteArrayInputStream(wire)).readAllBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            expected.write(piece);
        }
        assertArrayEquals(expected.toByteArray(), decoded);
    }

    @Test
    void decoding_ignoresChunkExtensionsAndTrailers() throws IOException {
        InputStream in = decoding("5;name=value\r\nhello\r\n1\r\n!\r\n0\r\nX-Trailer: yes\r\n\r\n");
        assertEquals("hello!", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(-1, in.read());
    }

    @Test
    void decoding_aMalformedSize_failsNamingIt() {
        IOException failure = assertThrows(IOException.class, () -> decoding("zz\r\nhello\r\n0\r\n\r\n").readAllBytes());
        assertTrue(failure.getMessage().contains("malformed chunk size \"zz\""), failure.getMessage());
    }

    @Test
    void decoding_aConnectionClosedInsideAChunk_fails() {
        IOException failure = assertThrows(IOException.class, () -> decoding("a\r\nhello").readAllBytes());
        assertTrue(failure.getMessage().contains("in the middle of a chunk"), failure.getMessage());
    }
}
