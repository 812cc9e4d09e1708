package dev.nsg.dhpush.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A one-request HTTP peer on a unix socket for in-process tests of the engine client: it reads the request head and,
 * when chunked, the raw body as it arrived, then writes the answer the test gives it. Not an engine: the engine
 * tests run against a real dockerd; this is for what only a scripted peer can show (chunk sizes, odd replies).
 */
final class LoopbackEngine implements AutoCloseable {

    /** What arrived: the request head, and the body exactly as sent on the wire. */
    record Request(String head, byte[] rawBody) {
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final CompletableFuture<Request> received;

    private LoopbackEngine(List<Function<Request, byte[]>> answers, boolean readBody) throws IOException {
        this.socket = Files.createTempDirectory("dhpush-loopback-").resolve("engine.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.received = CompletableFuture.supplyAsync(() -> {
            Request last = null;
            for (Function<Request, byte[]> answer : answers) {
                last = serveOne(answer, readBody);
            }
            return last;
        });
    }

    /** Answers one request with the bytes {@code answer} makes of it, after reading its whole body. */
    static LoopbackEngine answering(Function<Request, byte[]> answer) throws IOException {
        return new LoopbackEngine(List.of(answer), true);
    }

    /** Answers one connection after another, each with the next of {@code answers}; {@link #request()} is the last. */
    static LoopbackEngine answeringInTurn(List<Function<Request, byte[]>> answers) throws IOException {
        return new LoopbackEngine(answers, true);
    }

    /** Answers right after the head, without reading the body, and hangs up: as an engine refusing a parameter. */
    static LoopbackEngine answeringBeforeTheBody(String answer) throws IOException {
        return new LoopbackEngine(List.of(request -> answer.getBytes(StandardCharsets.UTF_8)), false);
    }

    UnixSocketConnector connector() {
        return new UnixSocketConnector(socket);
    }

    Request request() throws Exception {
        return received.get(30, TimeUnit.SECONDS);
    }

    private Request serveOne(Function<Request, byte[]> answer, boolean readBody) {
        try (SocketChannel channel = server.accept()) {
            InputStream in = Channels.newInputStream(channel);
            String head = readHead(in);
            byte[] body = readBody && head.contains("Transfer-Encoding: chunked") ? readRawChunkedBody(in) : new byte[0];
            Request request = new Request(head, body);
            OutputStream out = Channels.newOutputStream(channel);
            out.write(answer.apply(request));
            out.flush();
            return request;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The chunked body byte for byte, up to and including the last chunk, so a test can see the chunk sizes. */
    private static byte[] readRawChunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = HttpLines.readLine(in);
            raw.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long size = Long.parseLong(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                raw.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                HttpLines.readLine(in);
                return raw.toByteArray();
            }
            raw.write(in.readNBytes((int) size));
            raw.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            HttpLines.readLine(in);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
