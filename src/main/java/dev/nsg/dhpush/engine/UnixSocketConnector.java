package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The JDK's own unix-domain socket channel (Java 16+): no native library to load, which keeps the native
 * executable self-contained. Requests are written whole before the response is read, so one thread suffices.
 */
final class UnixSocketConnector implements EngineConnector {

    private final Path socket;

    UnixSocketConnector(Path socket) {
        this.socket = socket;
    }

    @Override
    public EngineConnection open() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new EngineConnection(ChannelStreams.input(channel), ChannelStreams.output(channel), channel);
    }

    Path socketPath() {
        return socket;
    }

    @Override
    public String hostHeader() {
        return "localhost";
    }
}
