package dev.nsg.dhpush.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback port in front of a JDK HttpServer that answers a TLS ClientHello the way Go's net/http does (an HTTP 400
 * at once) and relays everything else. containerd's resolver, which a dockerd on the containerd image store pushes
 * with, tries HTTPS first even on loopback and falls back to HTTP only on such an answer; the JDK server instead
 * waits for a request line that never comes, and the push fails with "TLS handshake timeout".
 */
final class PlainHttpFront implements AutoCloseable {

    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final byte[] NOT_TLS = "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final int backendPort;

    PlainHttpFront(int backendPort) throws IOException {
        this.backendPort = backendPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "plain-http-front-" + listener.getLocalPort());
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                daemon(() -> serve(client), "plain-http-front-connection");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            PushbackInputStream in = new PushbackInputStream(client.getInputStream(), 1);
            int first = in.read();
            if (first < 0) {
                return;
            }
            if (first == TLS_HANDSHAKE_RECORD) {
                client.getOutputStream().write(NOT_TLS);
                return;
            }
            in.unread(first);
            try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
                Thread upstream = daemon(() -> relay(in, backend), "plain-http-front-upstream");
                relay(backend.getInputStream(), client);
                upstream.join();
            }
        } catch (IOException | InterruptedException ignored) {
            // a connection the test or the engine dropped: nothing to relay any more
        }
    }

    private static void relay(InputStream from, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            from.transferTo(out);
            out.flush();
            to.shutdownOutput();
        } catch (IOException ignored) {
            // the other side closed
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
