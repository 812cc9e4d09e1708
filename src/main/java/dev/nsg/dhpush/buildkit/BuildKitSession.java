package dev.nsg.dhpush.buildkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.EngineConnection;
import dev.nsg.dhpush.engine.SessionRequest;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;

/**
 * A BuildKit session: after {@code POST /session} is switched to HTTP/2, the daemon is the gRPC client and dhpush the
 * server. grpc-java's own server runs on an in-JVM {@link LocalAddress} (no port is opened); the engine connection is
 * relayed to it byte for byte, so HTTP/2 and gRPC are entirely grpc-java's. The first bytes may already have arrived
 * with the {@code 101} and are passed on first. Closing the session closes the engine connection, which ends the
 * session on the daemon.
 */
final class BuildKitSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BuildKitSession.class);
    private static final int PUMP_BUFFER = 64 * 1024;

    private final EventLoopGroup group;
    private final Server server;
    private final ExecutorService handlers;
    private EngineConnection engine;
    private Channel adopted;
    private Channel local;
    private Thread pump;

    private BuildKitSession(EventLoopGroup group, Server server, ExecutorService handlers) {
        this.group = group;
        this.server = server;
        this.handlers = handlers;
    }

    /** Starts the server, then asks the engine for the session and relays it; the caller closes it. */
    static BuildKitSession open(DockerEngine docker, SessionRequest request, List<ServerServiceDefinition> services,
            ExecutorService handlers) {
        EventLoopGroup group = new NioEventLoopGroup(2);
        LocalAddress address = new LocalAddress("dhpush-session-" + request.id());
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address)
                .channelType(LocalServerChannel.class)
                .bossEventLoopGroup(group)
                .workerEventLoopGroup(group)
                .executor(handlers)
                .intercept(new SessionMetadata());
        services.forEach(builder::addService);
        BuildKitSession session;
        try {
            session = new BuildKitSession(group, builder.build().start(), handlers);
        } catch (IOException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("the in-process gRPC server did not start", e);
        }
        try {
            session.connect(docker, request, address);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void connect(DockerEngine docker, SessionRequest request, LocalAddress address) {
        engine = docker.openSession(request);
        try {
            if (engine.transport() instanceof SocketChannel channel && channel.getRemoteAddress() instanceof UnixDomainSocketAddress) {
                adopt(channel, address);
            } else {
                pumpThrough(address, request.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting the session", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the session's connection failed", e);
        }
    }

    /**
     * A unix socket: Netty takes the engine's channel over (NioDomainSocketChannel adopts an open JDK channel, no native
     * library), and two handlers pass bytes between it and the local channel, on the event loops, with no thread of our
     * own and no blocking write.
     */
    private void adopt(SocketChannel channel, LocalAddress address) throws IOException, InterruptedException {
        InputStream buffered = engine.input();
        byte[] early = buffered.readNBytes(buffered.available());
        NioDomainSocketChannel socket = new NioDomainSocketChannel(channel);
        socket.config().setAutoRead(false);
        Relay toLocal = new Relay();
        socket.pipeline().addLast(toLocal);
        group.next().register(socket).sync();
        adopted = socket;
        Relay toEngine = new Relay();
        toEngine.peer = socket;
        local = new Bootstrap().group(group).channel(LocalChannel.class).handler(toEngine).connect(address).sync().channel();
        toLocal.peer = local;
        if (early.length > 0) {
            local.writeAndFlush(Unpooled.wrappedBuffer(early)).sync();
        }
        socket.config().setAutoRead(true);
    }

    /** Passes what one channel reads to its peer, and closes the peer when the channel closes. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private volatile Channel peer;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            peer.writeAndFlush(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (peer != null) {
                peer.close();
            }
        }
    }

    /** Any other transport (tcp, TLS): a thread reads the engine's stream in; the local channel writes back to it. */
    private void pumpThrough(LocalAddress address, String id) throws InterruptedException {
        OutputStream toEngine = engine.output();
        local = new Bootstrap().group(group).channel(LocalChannel.class)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext context, Object message) {
                        ByteBuf bytes = (ByteBuf) message;
                        try {
                            bytes.readBytes(toEngine, bytes.readableBytes());
                            toEngine.flush();
                        } catch (IOException e) {
                            LOG.debugf("session: the engine connection closed: %s", e.getMessage());
                            context.close();
                        } finally {
                            bytes.release();
                        }
                    }
                })
                .connect(address).sync().channel();
        InputStream fromEngine = engine.input();
        pump = new Thread(() -> relay(fromEngine), "buildkit-session-" + id);
        pump.setDaemon(true);
        pump.start();
    }

    /** Engine → server, until the engine hangs up; then the local side closes too. */
    private void relay(InputStream fromEngine) {
        byte[] buffer = new byte[PUMP_BUFFER];
        try {
            int read;
            while ((read = fromEngine.read(buffer)) >= 0) {
                if (read == 0) {
                    continue;
                }
                var written = local.writeAndFlush(Unpooled.copiedBuffer(buffer, 0, read));
                if (!local.isWritable()) {
                    written.sync();
                }
            }
        } catch (IOException e) {
            LOG.debugf("session: reading from the engine ended: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            local.close();
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            try {
                engine.close();
            } catch (IOException e) {
                LOG.debugf("session: closing the engine connection: %s", e.getMessage());
            }
        }
        // The local channel and the server close on their event loop, before it stops: closed after, Netty warns.
        if (adopted != null) {
            adopted.close().awaitUninterruptibly(1000);
        }
        if (local != null) {
            local.close().awaitUninterruptibly(1000);
        }
        server.shutdownNow();
        try {
            server.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handlers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    static ExecutorService handlerThreads() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "buildkit-session-handler");
            thread.setDaemon(true);
            return thread;
        });
    }
}
