package dev.nsg.dhpush.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the engine's JSON-lines stream one message at a time, as it arrives. A line is capped at 1 MiB so a
 * runaway build step cannot exhaust memory; the excess of such a line is dropped.
 */
final class JsonMessageReader {

    private static final int MAX_LINE = 1024 * 1024;

    private final InputStream in;
    private final ObjectMapper json;

    JsonMessageReader(InputStream in, ObjectMapper json) {
        this.in = in;
        this.json = json;
    }

    /** The next message, or {@code null} at the end of the stream. */
    JsonMessage next() throws IOException {
        while (true) {
            String line = readLine();
            if (line == null) {
                return null;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                return json.readValue(line, JsonMessage.class);
            } catch (JsonProcessingException e) {
                throw (ProtocolException) new ProtocolException("the engine sent a line that is not a JSON message: "
                        + line.substring(0, Math.min(line.length(), 200))).initCause(e);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return any ? line.toString(StandardCharsets.UTF_8) : null;
    }
}
