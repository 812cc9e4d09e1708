package dev.nsg.dhpush.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.TestContext;

/**
 * Engines that misbehave, played by sockets of the test's own: one that takes connections and never answers (a
 * wedged dockerd), and ones that answer something that is not HTTP or not the Engine API. Each run ends with exit 3
 * in bounded time, one error line naming the engine and no Java class name; none needs a real engine.
 */
class MisbehavingEngineIT {

    /** The engine's answer limit (30 s) plus the JVM's start and some slack; the bound is 45 s. */
    private static final long BOUND_MILLIS = 45_000;

    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    /** A server that accepts every connection and answers each with {@code reply} (nothing at all for null). */
    private ServerSocketChannel serve(ServerSocketChannel server, String reply) {
        Thread acceptor = new Thread(() -> {
            List<SocketChannel> held = new ArrayList<>();
            try {
                while (true) {
                    SocketChannel client = server.accept();
                    held.add(client); // kept open: a wedged engine does not hang up either
                    if (reply != null) {
                        client.read(ByteBuffer.allocate(8192));
                        client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.ISO_8859_1)));
                    }
                }
            } catch (IOException closed) {
                held.forEach(channel -> {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // the test is over
                    }
                });
            }
        }, "misbehaving-engine");
        acceptor.setDaemon(true);
        acceptor.start();
        servers.add(server);
        return server;
    }

    private String unixEngine(String reply) throws IOException {
        Path socket = Files.createTempDirectory("dhpush-wedged-").resolve("docker.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        serve(server, reply);
        return "unix://" + socket;
    }

    private String tcpEngine(String reply) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        serve(server, reply);
        return "tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private static Commands.Result buildAgainst(String host, Map<String, String> environment) {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\n");
        return Dhpush.run(environment, null, "build", "--host", host, "--context", context.toString(),
                "--repository", "dhpush-it/misbehaving", "--tag", "x", "--progress", "plain");
    }

    private static void assertEngineFailure(Commands.Result result, String host, String what, long millis) {
        assertEquals(3, result.exitCode(), result.toString());
        assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms: " + result);
        List<String> errors = result.stderr().lines().filter(line -> line.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), result.stderr());
        assertTrue(errors.get(0).contains("the Docker engine at " + host), errors.get(0));
        assertTrue(errors.get(0).contains(what), errors.get(0));
        assertFalse(result.stderr().matches("(?s).*\\b\\w+(Exception|Error)\\b.*"), "a Java class name: " + result.stderr());
    }

    /** In CI the default --engine-wait is 60 s; a wedged engine is not "still starting" and is not waited for. */
    @Test
    void aWedgedEngineOnAUnixSocket_isExit3WithinTheBound_evenInCi() throws IOException {
        String host = unixEngine(null);
        long started = System.currentTimeMillis();
        Commands.Result result = buildAgainst(host, Map.of("CI", "true"));
        assertEngineFailure(result, host, "took the connection but sent no answer within 30 s", System.currentTimeMillis() - started);
    }

    @Test
    void aWedgedEngineOnTcp_isExit3WithinTheBound() throws IOException {
        String host = tcpEngine(null);
        long started = System.currentTimeMillis();
        Commands.Result result = buildAgainst(host, Map.of());
        assertEngineFailure(result, host, "took the connection but sent no answer within 30 s", System.currentTimeMillis() - started);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "HELLO\r\n\r\n",
            "HTTP/1.1 abc OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: lots\r\n\r\nOK",
    })
    void anEngineAnsweringGarbage_isExit3_sayingWhatWasWrong(String reply) throws IOException {
        String host = unixEngine(reply);
        long started = System.currentTimeMillis();
        Commands.Result result = buildAgainst(host, Map.of());
        assertEngineFailure(result, host, reply.startsWith("HTTP/1.1 200") ? "a malformed Content-Length from the engine"
                : "not an HTTP reply from the engine", System.currentTimeMillis() - started);
    }

    /** verify asks the engine only for the digest it recorded: in CI it does not wait a minute for an engine that is off. */
    @Test
    void verifyInCi_doesNotWaitForAnEngineThatIsOff() {
        long started = System.currentTimeMillis();
        Commands.Result result = Dhpush.run(Map.of("CI", "true"), null, "verify", "--host", "unix:///nonexistent/docker.sock",
                "--registry", "127.0.0.1:1", "--repository", "dhpush-it/misbehaving", "--tag", "x", "--progress", "plain");
        long millis = System.currentTimeMillis() - started;
        assertEquals(8, result.exitCode(), "the registry is what is missing: " + result);
        assertFalse(result.stderr().contains("waiting for the Docker engine"), result.stderr());
        assertTrue(result.stderr().contains("no Docker engine answers at unix:///nonexistent/docker.sock"), result.stderr());
        assertTrue(millis < 20_000, "took " + millis + " ms");
    }
}
