package dev.nsg.dhpush.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** The status, headers and (streamed) body of one engine reply; closing it closes the connection. */
final class EngineResponse implements Closeable {

    private final int status;
    private final Map<String, String> headers;
    private final InputStream body;
    private final Closeable connection;

    EngineResponse(int status, Map<String, String> headers, InputStream body, Closeable connection) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.connection = connection;
    }

    int status() {
        return status;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A header by case-insensitive name, or {@code null}. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    InputStream body() {
        return body;
    }

    /** At most {@code limit} bytes of the body as text: for error replies, which are small JSON documents. */
    String smallBody(int limit) throws IOException {
        return new String(body.readNBytes(limit), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
