package dev.nsg.dhpush.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Lines recorded from real engines' build and push streams. */
class JsonMessageReaderTest {

    private static JsonMessageReader reader(String lines) {
        return new JsonMessageReader(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), new ObjectMapper());
    }

    @Test
    void buildStream_yieldsOutputAndTheImageId() throws IOException {
        JsonMessageReader reader = reader("""
                {"stream":"Step 1/2 : FROM scratch\\n"}
                {"stream":" ---\\u003e \\n"}

                {"aux":{"ID":"sha256:3f1c"}}
                {"stream":"Successfully built 3f1c\\n"}
                """);
        assertEquals("Step 1/2 : FROM scratch\n", reader.next().stream());
        reader.next();
        assertEquals("sha256:3f1c", reader.next().aux().get("ID").asText());
        reader.next();
        assertNull(reader.next());
    }

    @Test
    void errorInsideA200Stream_isAnError_withTheDetailMessagePreferred() throws IOException {
        JsonMessage message = reader("""
                {"errorDetail":{"code":1,"message":"The command '/bin/sh -c false' returned a non-zero code: 1"},"error":"The command '/bin/sh -c false' returned a non-zero code: 1"}
                """).next();
        assertTrue(message.isError());
        assertEquals("The command '/bin/sh -c false' returned a non-zero code: 1", message.errorMessage());
    }

    @Test
    void pushStream_progressAndAux() throws IOException {
        JsonMessageReader reader = reader("""
                {"status":"Pushing","progressDetail":{"current":512,"total":2048},"progress":"[==>   ]","id":"a3201bb35f9e"}
                {"status":"7: digest: sha256:f8e1 size: 1574"}
                {"progressDetail":{},"aux":{"Tag":"7","Digest":"sha256:f8e1","Size":1574}}
                """);
        JsonMessage progress = reader.next();
        assertEquals("a3201bb35f9e", progress.id());
        assertEquals(2048L, progress.progressDetail().total());
        reader.next();
        assertEquals("7", reader.next().aux().get("Tag").asText());
    }

    /** A build step's line is shown when it arrives, not when the next one (or the end of the stream) does. */
    @Test
    void aMessage_isReadAsItArrives_withoutWaitingForTheNext() throws Exception {
        java.io.PipedOutputStream engine = new java.io.PipedOutputStream();
        JsonMessageReader reader = new JsonMessageReader(new java.io.PipedInputStream(engine, 1 << 16), new ObjectMapper());
        engine.write("{\"stream\":\"first\"}\n".getBytes(StandardCharsets.UTF_8));
        engine.flush();
        java.util.concurrent.CompletableFuture<JsonMessage> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return reader.next();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals("first", first.get(10, java.util.concurrent.TimeUnit.SECONDS).stream());
        engine.close();
    }

    @Test
    void unknownFields_areIgnored_butAGarbledLineFails() throws IOException {
        assertEquals("x", reader("{\"status\":\"x\",\"newField\":1}\n").next().status());
        IOException garbled = assertThrows(IOException.class, () -> reader("not json\n").next());
        assertTrue(garbled.getMessage().startsWith("the engine sent something that is not a JSON message"), garbled.getMessage());
    }

    @Test
    void apiVersion_negotiatesDownToTheEngine_neverAboveOurs() {
        assertEquals("1.41", ApiVersion.negotiate(ApiVersion.parse("1.41")).toString());
        assertEquals(ApiVersion.NEWEST, ApiVersion.negotiate(ApiVersion.parse("1.99")));
        assertTrue(ApiVersion.parse("1.40").compareTo(ApiVersion.OLDEST) < 0);
    }

    @Test
    void engineAddress_parsesTheDockerHostForms() {
        assertEquals("unix:///var/run/docker.sock", EngineAddress.parse(null).toString());
        assertEquals("tcp://localhost:2375", EngineAddress.parse("tcp://localhost:2375").toString());
        assertEquals("tcp://10.0.0.1:2376", EngineAddress.parse("tcp://10.0.0.1:2376/").toString());
        assertThrows(dev.nsg.dhpush.failure.InvalidInputException.class, () -> EngineAddress.parse("ssh://host"));
        assertThrows(dev.nsg.dhpush.failure.InvalidInputException.class, () -> EngineAddress.parse("unix://relative.sock"));
    }
}
