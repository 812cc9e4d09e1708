package dev.nsg.dhpush.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nsg.dhpush.context.BuildContext;

/** The engine's HTTP client in-process, against a scripted peer on a loopback unix socket. */
class EngineHttpTest {

    private static final String OK_EMPTY = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";

    @TempDir
    Path dir;

    private static EngineHttp http(LoopbackEngine engine) {
        return new EngineHttp(engine.connector(), "dhpush/test");
    }

    private static byte[] reply(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestHead_namesTheClient_closesTheConnection_andStreamsABodyChunked() throws Exception {
        try (LoopbackEngine engine = LoopbackEngine.answering(request -> reply(OK_EMPTY))) {
            try (EngineResponse response = http(engine).send("POST", "/v1.41/build?t=a", Map.of("X-Registry-Config", "e30="),
                    out -> out.write("body".getBytes(StandardCharsets.UTF_8)))) {
                assertEquals(200, response.status());
            }
            String head = engine.request().head();
            assertTrue(head.startsWith("POST /v1.41/build?t=a HTTP/1.1\r\n"), head);
            for (String header : List.of("Host: localhost", "User-Agent: dhpush/test", "Connection: close",
                    "Transfer-Encoding: chunked", "X-Registry-Config: e30=")) {
                assertTrue(head.contains(header + "\r\n"), header + " in " + head);
            }
        }
    }

    @Test
    void aBodyWrittenInSmallPieces_goesOutInFull64KiBChunks() throws Exception {
        try (LoopbackEngine engine = LoopbackEngine.answering(request -> reply(OK_EMPTY))) {
            http(engine).send("POST", "/build", Map.of(), out -> {
                byte[] block = new byte[512];
                for (int i = 0; i < 300; i++) {
                    out.write(block); // 150 KiB in tar-header-sized writes
                }
            }).close();
            List<Integer> sizes = chunkSizes(engine.request().rawBody());
            assertEquals(List.of(65536, 65536, 22528, 0), sizes);
        }
    }

    @Test
    void theBuildContextTar_arrivesWhole_andReadsBackWithAKeptTarReader() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.write(dir.resolve("big.bin"), new byte[200_000]);
        Files.createSymbolicLink(dir.resolve("link"), Path.of("big.bin"));
        BuildContext context = BuildContext.scan(dir, null);
        try (LoopbackEngine engine = LoopbackEngine.answering(request -> reply(OK_EMPTY))) {
            http(engine).send("POST", "/build", Map.of("Content-Type", "application/x-tar"), context::writeTar).close();
            byte[] tar = new ChunkedInputStream(new ByteArrayInputStream(engine.request().rawBody())).readAllBytes();
            List<String> entries = new ArrayList<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
                for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    entries.add(entry.getName() + ":" + (entry.isSymbolicLink() ? "->" + entry.getLinkName() : in.readAllBytes().length));
                }
            }
            assertEquals(List.of("Dockerfile:13", "big.bin:200000", "link:->big.bin"), entries);
        }
    }

    @Test
    void aContentLengthBody_endsAtItsLength_evenIfMoreBytesFollow() throws Exception {
        try (LoopbackEngine engine = LoopbackEngine.answering(request -> reply("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloEXTRA"));
                EngineResponse response = http(engine).send("GET", "/_ping", Map.of(), null)) {
            assertEquals("hello", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aChunkedReply_isDecoded_andHeadersAreCaseInsensitive() throws Exception {
        try (LoopbackEngine engine = LoopbackEngine.answering(request -> reply(
                "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nAPI-Version: 1.45\r\n\r\n3\r\n{\"a\r\n2\r\n\"}\r\n0\r\n\r\n"));
                EngineResponse response = http(engine).send("GET", "/version", Map.of(), null)) {
            assertEquals("1.45", response.header("api-version"));
            assertEquals("{\"a\"}", response.smallBody(100));
        }
    }

    @Test
    void aNoContentReply_hasAnEmptyBody() throws Exception {
        try (LoopbackEngine engine = LoopbackEngine.answering(request -> reply("HTTP/1.1 204 No Content\r\n\r\n"));
                EngineResponse response = http(engine).send("POST", "/images/a/tag?repo=b&tag=c", Map.of(), null)) {
            assertEquals(204, response.status());
            assertEquals(-1, response.body().read());
        }
    }

    @Test
    void anEngineThatAnswersBeforeTheBodyIsThrough_isHeard_notOurBrokenPipe() throws Exception {
        String refusal = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n"
                + "{\"message\":\"unknown platform zz\"}\r\n";
        try (LoopbackEngine engine = LoopbackEngine.answeringBeforeTheBody(refusal);
                EngineResponse response = http(engine).send("POST", "/build", Map.of(), out -> {
                    byte[] block = new byte[64 * 1024];
                    for (int i = 0; i < 1000; i++) {
                        out.write(block); // far more than any socket buffer: the write fails once the peer is gone
                    }
                })) {
            assertEquals(400, response.status());
            assertTrue(response.smallBody(1000).contains("unknown platform zz"));
        }
    }

    @Test
    void somethingThatIsNotHttp_isAnIoFailureNamingWhatCame() throws Exception {
        try (LoopbackEngine engine = LoopbackEngine.answering(request -> reply("SSH-2.0-OpenSSH_9.2\r\n"))) {
            IOException failure = assertThrows(IOException.class, () -> http(engine).send("GET", "/_ping", Map.of(), null));
            assertTrue(failure.getMessage().contains("not an HTTP reply from the engine: \"SSH-2.0-OpenSSH_9.2\""), failure.getMessage());
        }
    }

    /** The sizes of the chunks in a raw chunked body, the last (0) included. */
    private static List<Integer> chunkSizes(byte[] raw) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(raw);
        while (true) {
            int size = Integer.parseInt(HttpLines.readLine(in), 16);
            sizes.add(size);
            if (size == 0) {
                return sizes;
            }
            in.skipNBytes(size);
            HttpLines.readLine(in);
        }
    }
}
