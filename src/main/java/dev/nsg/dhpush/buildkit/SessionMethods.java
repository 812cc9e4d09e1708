package dev.nsg.dhpush.buildkit;

import com.google.protobuf.Message;

import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;

/** The gRPC methods a session serves, declared by hand: no generated service stubs, so no protoc-gen-grpc-java. */
final class SessionMethods {

    private SessionMethods() {
    }

    static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(MethodDescriptor.MethodType type, String service,
            String method, Q request, R response) {
        return MethodDescriptor.<Q, R>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response))
                .build();
    }

    /** The path the daemon is told about in X-Docker-Expose-Session-Grpc-Method. */
    static String path(MethodDescriptor<?, ?> method) {
        return "/" + method.getFullMethodName();
    }
}
