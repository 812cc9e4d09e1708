package dev.nsg.dhpush.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import dev.nsg.dhpush.engine.ChannelStreams;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Exposes the test engine on another transport, byte for byte: a unix socket, plain tcp, or TLS that demands a
 * client certificate. The engine itself is the one DOCKER_HOST or the default socket names.
 */
public final class EngineForwarder implements AutoCloseable {

    private final AutoCloseable listener;
    private final String address;

    private EngineForwarder(AutoCloseable listener, String address) {
        this.listener = listener;
        this.address = address;
    }

    /** The DOCKER_HOST-style address to give dhpush. */
    public String address() {
        return address;
    }

    public static EngineForwarder tcp(SSLContext tls, boolean requireClientCertificate) throws IOException {
        ServerSocket server;
        if (tls == null) {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } else {
            SSLServerSocket secure = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            secure.setNeedClientAuth(requireClientCertificate);
            server = secure;
        }
        EngineForwarder forwarder = new EngineForwarder(server, "tcp://localhost:" + server.getLocalPort());
        daemon(() -> {
            while (!server.isClosed()) {
                Socket client = server.accept();
                pump(client.getInputStream(), client.getOutputStream(), client);
            }
            return null;
        });
        return forwarder;
    }

    public static EngineForwarder unix(Path socket) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        EngineForwarder forwarder = new EngineForwarder(server, "unix://" + socket);
        daemon(() -> {
            while (server.isOpen()) {
                SocketChannel client = server.accept();
                pump(ChannelStreams.input(client), ChannelStreams.output(client), client);
            }
            return null;
        });
        return forwarder;
    }

    private static void pump(InputStream clientIn, OutputStream clientOut, AutoCloseable client) throws IOException {
        Upstream upstream = Upstream.open();
        daemon(() -> {
            clientIn.transferTo(upstream.out());
            upstream.shutdownOutput();
            return null;
        });
        daemon(() -> {
            try (client; upstream) {
                upstream.in().transferTo(clientOut);
            }
            return null;
        });
    }

    /** The real engine: tcp when DOCKER_HOST says so (Bitbucket's docker service), else the default socket. */
    private record Upstream(InputStream in, OutputStream out, SocketChannel unix, Socket tcp) implements AutoCloseable {

        static Upstream open() throws IOException {
            String host = System.getenv("DOCKER_HOST");
            if (host != null && host.startsWith("tcp://")) {
                URI uri = URI.create(host);
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
                return new Upstream(socket.getInputStream(), socket.getOutputStream(), null, socket);
            }
            String path = host != null && host.startsWith("unix://") ? host.substring(7) : "/var/run/docker.sock";
            SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
            return new Upstream(ChannelStreams.input(channel), ChannelStreams.output(channel), channel, null);
        }

        void shutdownOutput() throws IOException {
            if (unix != null) {
                unix.shutdownOutput();
            } else {
                tcp.shutdownOutput();
            }
        }

        @Override
        public void close() throws IOException {
            if (unix != null) {
                unix.close();
            } else {
                tcp.close();
            }
        }
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static void daemon(Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception closed) {
                // the listener or a connection was closed: the forwarder's work is done
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws Exception {
        listener.close();
    }
}
