package dev.nsg.dhpush.buildkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.jboss.logging.Logger;

import com.google.protobuf.ByteString;

import dev.nsg.dhpush.buildkit.wire.Packet;
import dev.nsg.dhpush.buildkit.wire.Packet.PacketType;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * One DiffCopy call, as fsutil's sender plays it (tonistiigi/fsutil send.go): every entry as a STAT packet, an empty
 * STAT to end the listing, then for each REQ the file in DATA packets of at most 32 KiB and an empty DATA packet; FIN
 * answers the daemon's FIN. Ids are positions in the listing as sent. What the daemon says is queued by the gRPC
 * thread and acted on by the sender, which alone writes, and waits while the stream's flow control says so.
 */
final class DiffCopy implements StreamObserver<Packet> {

    private static final Logger LOG = Logger.getLogger(DiffCopy.class);
    private static final int CHUNK = 32 * 1024;
    private static final int IN_FLIGHT = 4 * 1024 * 1024;
    /** Queued in place of a request id: the daemon's FIN, or the end of the call. */
    private static final int FIN = -1;
    private static final int GONE = -2;

    private final ServerCallStreamObserver<Packet> reply;
    private final String directoryName;
    private final Path root;
    private final SyncFilter filter;
    private final SessionFailures failures;
    private final SyncCounters counters;
    private final LinkedBlockingQueue<Integer> requests = new LinkedBlockingQueue<>();
    private final Object ready = new Object();
    private volatile boolean cancelled;

    /** @param directoryName the name the daemon asked for the directory by ({@code context}, {@code dockerfile}) */
    DiffCopy(ServerCallStreamObserver<Packet> reply, String directoryName, Path root, SyncFilter filter, SessionFailures failures,
            SyncCounters counters) {
        this.reply = reply;
        this.directoryName = directoryName;
        this.root = root;
        this.filter = filter;
        this.failures = failures;
        this.counters = counters;
        // isReady() turns false once 32 KiB (one file chunk) wait to be written, by grpc-java's default: the sender would
        // then hand over one chunk at a time. A few MiB in flight keep the connection busy; the daemon's HTTP/2 flow
        // control still bounds what is sent.
        reply.setOnReadyThreshold(IN_FLIGHT);
        reply.setOnReadyHandler(this::wakeSender);
        reply.setOnCancelHandler(() -> {
            cancelled = true;
            requests.add(GONE);
            wakeSender();
        });
    }

    @Override
    public void onNext(Packet packet) {
        switch (packet.getType()) {
            case PACKET_REQ -> requests.add(packet.getID());
            case PACKET_FIN -> requests.add(FIN);
            case PACKET_ERR -> {
                LOG.debugf("the daemon aborted a file sync of %s: %s", root, packet.getData().toStringUtf8());
                requests.add(GONE);
            }
            default -> LOG.debugf("unexpected packet %s from the daemon in a file sync", packet.getType());
        }
    }

    @Override
    public void onError(Throwable error) {
        requests.add(GONE);
    }

    @Override
    public void onCompleted() {
        requests.add(GONE);
    }

    /** The sender: lists, then serves requests until the daemon's FIN. */
    void send() {
        try {
            List<SyncEntry> listed = new ArrayList<>();
            DirectoryListing.walk(root, filter, entry -> {
                write(Packet.newBuilder().setType(PacketType.PACKET_STAT).setStat(entry.stat()).build());
                listed.add(entry);
                // The daemon compares the listing with its copy as it arrives and asks for changed files at once:
                // what it asked for so far goes out between the entries still to list.
                for (Integer id = requests.poll(); id != null; id = requests.poll()) {
                    if (!serve(id, listed)) {
                        throw new Cancelled();
                    }
                }
            });
            counters.listed.addAndGet(listed.size());
            write(Packet.newBuilder().setType(PacketType.PACKET_STAT).build());
            while (serve(requests.take(), listed)) {
                // until the daemon's FIN, or the end of the call
            }
        } catch (UncheckedIOException e) {
            fail(e.getMessage() + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        } catch (Cancelled e) {
            LOG.debugf("file sync of %s ended by the daemon", root);
        } catch (RuntimeException e) {
            fail(e.toString());
        }
    }

    /** Acts on what the daemon said; false once the call is over. */
    private boolean serve(int id, List<SyncEntry> listed) {
        if (id == GONE || cancelled) {
            return false;
        }
        if (id == FIN) {
            write(Packet.newBuilder().setType(PacketType.PACKET_FIN).build());
            reply.onCompleted();
            return false;
        }
        sendFile(id, listed);
        return true;
    }

    private void sendFile(int id, List<SyncEntry> listed) {
        if (id < 0 || id >= listed.size() || !listed.get(id).isRegularFile() || listed.get(id).isHardLink()) {
            throw new UncheckedIOException("the daemon asked for entry " + id, new IOException("not a file that was listed"));
        }
        SyncEntry entry = listed.get(id);
        try (InputStream in = Files.newInputStream(entry.file())) {
            byte[] buffer = new byte[CHUNK];
            int read;
            while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                write(Packet.newBuilder().setType(PacketType.PACKET_DATA).setID(id).setData(ByteString.copyFrom(buffer, 0, read)).build());
                counters.bytesSent.addAndGet(read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry.stat().getPath(), e);
        }
        write(Packet.newBuilder().setType(PacketType.PACKET_DATA).setID(id).build());
        counters.filesSent.incrementAndGet();
        LOG.debugf("session: sent %s %s", directoryName, entry.stat().getPath());
    }

    private void write(Packet packet) {
        synchronized (ready) {
            while (!reply.isReady() && !cancelled) {
                try {
                    ready.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Cancelled();
                }
            }
        }
        if (cancelled) {
            throw new Cancelled();
        }
        reply.onNext(packet);
    }

    private void wakeSender() {
        synchronized (ready) {
            ready.notifyAll();
        }
    }

    private void fail(String reason) {
        failures.add("sending " + root + ": " + reason);
        if (!cancelled) {
            try {
                reply.onNext(Packet.newBuilder().setType(PacketType.PACKET_ERR).setData(ByteString.copyFromUtf8(reason)).build());
                reply.onError(Status.UNKNOWN.withDescription(reason).asRuntimeException());
            } catch (RuntimeException alreadyClosed) {
                LOG.debugf("file sync of %s: %s", root, alreadyClosed);
            }
        }
    }

    /** The daemon went away mid-call. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** The observer of a call refused at once. */
    static final class Ignored implements StreamObserver<Packet> {
        @Override
        public void onNext(Packet packet) {
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
