package dev.nsg.dhpush.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.io.input.BoundedInputStream;
import org.jboss.logging.Logger;

/**
 * A small HTTP/1.1 client for the engine API: one connection per request, request bodies streamed chunked,
 * response bodies handed over as streams. The engine API is HTTP over a local socket, which the JDK's and
 * Quarkus' HTTP clients cannot reach in this Quarkus release; this stays small because the engine needs little.
 */
final class EngineHttp {

    private static final Logger LOG = Logger.getLogger(EngineHttp.class);
    private static final int BUFFER = 64 * 1024;
    /** Headers whose values are secrets: never logged. */
    private static final Set<String> SECRET_HEADERS = Set.of("x-registry-auth", "x-registry-config", "authorization");
    /**
     * How long the engine may stay silent before answering a request: a healthy engine answers /_ping in
     * milliseconds and starts every stream (build, push) at once; one that accepts and never answers is wedged.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** Streams a request body; called once, after the request head is sent. */
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final EngineConnector connector;
    private final String userAgent;

    EngineHttp(EngineConnector connector, String userAgent) {
        this.connector = connector;
        this.userAgent = userAgent;
    }

    EngineResponse send(String method, String target, Map<String, String> headers, BodyWriter body) throws IOException {
        EngineConnection connection = connector.open();
        AnswerDeadline deadline = AnswerDeadline.start(connection, ANSWER_TIMEOUT);
        try {
            OutputStream out = new BufferedOutputStream(deadline.counting(connection.output()), BUFFER);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(connector.hostHeader()).append("\r\n")
                    .append("User-Agent: ").append(userAgent).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                head.append("Content-Length: 0\r\n");
            }
            head.append("\r\n");
            if (LOG.isDebugEnabled()) {
                LOG.debugf("engine request: %s %s (headers: %s)", method, target, redacted(headers));
            }
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            IOException writeFailure = null;
            if (body != null) {
                // The buffer sits above the encoder, so a body written in small pieces (a tar header is 512 bytes)
                // still goes out as full chunks.
                ChunkedOutputStream chunked = new ChunkedOutputStream(out);
                BufferedOutputStream chunks = new BufferedOutputStream(chunked, BUFFER);
                try {
                    body.writeTo(chunks);
                    chunks.flush();
                    chunked.finish();
                } catch (IOException e) {
                    // The engine may answer and hang up before the body is through (a bad parameter, say):
                    // its answer says more than our broken pipe, so try to read it first.
                    writeFailure = e;
                }
            }
            out.flush();
            InputStream in = new BufferedInputStream(connection.input(), BUFFER);
            EngineResponse response;
            try {
                response = readResponse(method, in, connection);
            } catch (IOException readFailure) {
                if (writeFailure != null) {
                    writeFailure.addSuppressed(readFailure);
                    throw writeFailure;
                }
                throw readFailure;
            }
            deadline.close();
            LOG.debugf("engine response: %d for %s %s", response.status(), method, target);
            return response;
        } catch (IOException | RuntimeException e) {
            throw closed(connection, deadline, e);
        }
    }

    /** Closes a connection that failed; a failure that came from the engine's silence says so. */
    private static IOException closed(EngineConnection connection, AnswerDeadline deadline, Exception failure) throws IOException {
        deadline.close();
        connection.close();
        if (deadline.expired()) {
            return new EngineSilenceException(ANSWER_TIMEOUT, failure);
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        return (IOException) failure;
    }

    /**
     * Asks the engine to switch the connection to another protocol ({@code POST /session}, {@code Upgrade: h2c}). On
     * {@code 101} the connection is handed over whole: its input still holds any bytes the engine sent right after
     * the head (the daemon's HTTP/2 preface can arrive in the same read). Any other answer comes back as a response.
     *
     * @param headers header lines in order; a name may repeat
     */
    Upgrade upgrade(String target, String protocol, List<Map.Entry<String, String>> headers) throws IOException {
        EngineConnection connection = connector.open();
        AnswerDeadline deadline = AnswerDeadline.start(connection, ANSWER_TIMEOUT);
        try {
            StringBuilder head = new StringBuilder()
                    .append("POST ").append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(connector.hostHeader()).append("\r\n")
                    .append("User-Agent: ").append(userAgent).append("\r\n")
                    .append("Content-Length: 0\r\n")
                    .append("Connection: Upgrade\r\n")
                    .append("Upgrade: ").append(protocol).append("\r\n");
            headers.forEach(header -> head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
            head.append("\r\n");
            LOG.debugf("engine request: POST %s (upgrade to %s)", target, protocol);
            OutputStream out = connection.output();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(connection.input(), BUFFER);
            EngineResponse response = readResponse("POST", in, connection);
            deadline.close();
            LOG.debugf("engine response: %d for POST %s", response.status(), target);
            if (response.status() != 101) {
                return new Upgrade(null, response);
            }
            return new Upgrade(new EngineConnection(in, out, connection.transport()), null);
        } catch (IOException | RuntimeException e) {
            throw closed(connection, deadline, e);
        }
    }

    /** Either the switched connection, or the engine's other answer. */
    record Upgrade(EngineConnection connection, EngineResponse refusal) {
    }

    private static EngineResponse readResponse(String method, InputStream in, EngineConnection connection) throws IOException {
        String statusLine = HttpLines.readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5]\\d\\d")) {
            throw new ProtocolException("not an HTTP reply from the engine: \"" + shown(statusLine) + "\"");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        for (String line = HttpLines.readLine(in); !line.isEmpty(); line = HttpLines.readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        InputStream body;
        if (status == 101) {
            body = in;
        } else if (method.equals("HEAD") || status == 204 || status == 304) {
            body = InputStream.nullInputStream();
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = new ChunkedInputStream(in);
        } else if (headers.containsKey("content-length")) {
            String length = headers.get("content-length");
            if (!length.matches("\\d{1,18}")) {
                throw new ProtocolException("a malformed Content-Length from the engine: \"" + shown(length) + "\"");
            }
            body = BoundedInputStream.builder().setInputStream(in)
                    .setMaxCount(Long.parseLong(length)).setPropagateClose(false).get();
        } else {
            body = in;
        }
        return new EngineResponse(status, headers, body, connection);
    }

    /** Engine bytes quoted in a message: control characters dropped, at most 80 characters. */
    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }

    private static Map<String, String> redacted(Map<String, String> headers) {
        Map<String, String> shown = new HashMap<>(headers);
        shown.replaceAll((name, value) -> SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : value);
        return shown;
    }
}
