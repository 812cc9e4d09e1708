package dev.nsg.dhpush.cli;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One --json event as a single line of JSON. */
final class JsonLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLine() {
    }

    static String of(Map<String, Object> event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON event", e);
        }
    }
}
