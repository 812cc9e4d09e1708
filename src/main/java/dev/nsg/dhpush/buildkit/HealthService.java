package dev.nsg.dhpush.buildkit;

import dev.nsg.dhpush.buildkit.wire.HealthCheckRequest;
import dev.nsg.dhpush.buildkit.wire.HealthCheckResponse;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;

/**
 * {@code grpc.health.v1.Health/Check}: the daemon asks every 5 s and closes a session that does not answer SERVING
 * (moby/buildkit session/grpc.go, monitorHealth), even one it never listed.
 */
final class HealthService {

    static final String SERVICE = "grpc.health.v1.Health";
    static final MethodDescriptor<HealthCheckRequest, HealthCheckResponse> CHECK = SessionMethods.method(
            MethodDescriptor.MethodType.UNARY, SERVICE, "Check", HealthCheckRequest.getDefaultInstance(),
            HealthCheckResponse.getDefaultInstance());

    private static final HealthCheckResponse SERVING = HealthCheckResponse.newBuilder()
            .setStatus(HealthCheckResponse.ServingStatus.SERVING).build();

    private HealthService() {
    }

    static ServerServiceDefinition definition() {
        return ServerServiceDefinition.builder(SERVICE)
                .addMethod(CHECK, ServerCalls.asyncUnaryCall((request, reply) -> {
                    reply.onNext(SERVING);
                    reply.onCompleted();
                }))
                .build();
    }
}
