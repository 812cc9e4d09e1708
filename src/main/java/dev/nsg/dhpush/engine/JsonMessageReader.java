package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the engine's JSON-lines stream one message at a time, as it arrives (Jackson's {@link MappingIterator} over a
 * sequence of root values, which blank lines may separate). Jackson's read constraints bound a runaway message: a
 * string over its maximum length (20 M characters) fails the stream instead of exhausting memory.
 */
final class JsonMessageReader {

    private final InputStream in;
    private final ObjectMapper json;
    private MappingIterator<JsonMessage> messages;

    JsonMessageReader(InputStream in, ObjectMapper json) {
        this.in = in;
        this.json = json;
    }

    /** The next message, or {@code null} at the end of the stream. */
    JsonMessage next() throws IOException {
        try {
            if (messages == null) {
                // Opening the iterator reads the stream's first token already: here, where its failure is the engine's.
                messages = json.readerFor(JsonMessage.class).readValues(in);
            }
            return messages.hasNextValue() ? messages.nextValue() : null;
        } catch (JsonProcessingException e) {
            throw (ProtocolException) new ProtocolException("the engine sent something that is not a JSON message ("
                    + e.getOriginalMessage() + ")").initCause(e);
        }
    }
}
