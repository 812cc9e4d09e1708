package dev.nsg.dhpush.buildkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

import dev.nsg.dhpush.buildkit.wire.Packet;

/**
 * {@code moby.filesync.v1.FileSync/DiffCopy}: the daemon names a directory ({@code dir-name}: {@code context} or
 * {@code dockerfile}) and how to filter it; dhpush lists it and sends the files the daemon then requests. One
 * sender thread per call does all the sending; the gRPC threads only queue what the daemon says.
 */
final class FileSyncService {

    static final String SERVICE = "moby.filesync.v1.FileSync";
    static final MethodDescriptor<Packet, Packet> DIFF_COPY = SessionMethods.method(MethodDescriptor.MethodType.BIDI_STREAMING,
            SERVICE, "DiffCopy", Packet.getDefaultInstance(), Packet.getDefaultInstance());

    private FileSyncService() {
    }

    /**
     * @param directories the directories the daemon may ask for, by {@code dir-name}; nothing else is reachable
     * @param senders runs each call's sender
     * @param failures where a local failure (an unreadable file) is kept for the build's error
     */
    static ServerServiceDefinition definition(Map<String, Path> directories, ExecutorService senders, SessionFailures failures,
            SyncCounters counters) {
        return ServerServiceDefinition.builder(SERVICE)
                .addMethod(DIFF_COPY, ServerCalls.asyncBidiStreamingCall(reply -> start(reply, directories, senders, failures, counters)))
                .build();
    }

    private static StreamObserver<Packet> start(StreamObserver<Packet> reply, Map<String, Path> directories, ExecutorService senders,
            SessionFailures failures, SyncCounters counters) {
        Metadata metadata = SessionMetadata.current();
        List<String> names = SessionMetadata.values(metadata, "dir-name");
        Path root = names.isEmpty() ? null : directories.get(names.get(0));
        if (root == null) {
            reply.onError(Status.NOT_FOUND.withDescription("no access allowed to dir " + names).asRuntimeException());
            return new DiffCopy.Ignored();
        }
        SyncFilter filter = SyncFilter.of(root, SessionMetadata.values(metadata, "include-patterns"),
                SessionMetadata.values(metadata, "exclude-patterns"), SessionMetadata.values(metadata, "followpaths"));
        DiffCopy copy = new DiffCopy((ServerCallStreamObserver<Packet>) reply, names.get(0), root, filter, failures, counters);
        senders.execute(copy::send);
        return copy;
    }
}
