package dev.nsg.dhpush.buildkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Hands each call's request metadata (the daemon says which directory it wants and how to filter it there) to the
 * service: grpc-java gives metadata to interceptors only.
 */
final class SessionMetadata implements ServerInterceptor {

    private static final Context.Key<Metadata> HEADERS = Context.key("buildkit-session-metadata");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
    }

    /** The current call's metadata. */
    static Metadata current() {
        Metadata headers = HEADERS.get();
        return headers != null ? headers : new Metadata();
    }

    /**
     * Every value of {@code key}; where the daemon query-escaped them (it does for non-ASCII values, and then sends
     * {@code <key>-encoded: 1}: moby/buildkit session/filesync encodeOpts), unescaped.
     */
    static List<String> values(Metadata headers, String key) {
        Iterable<String> raw = headers.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        boolean encoded = headers.containsKey(Metadata.Key.of(key + "-encoded", Metadata.ASCII_STRING_MARSHALLER));
        for (String value : raw) {
            values.add(encoded ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value);
        }
        return values;
    }
}
