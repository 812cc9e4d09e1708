package dev.nsg.dhpush.buildkit;

import java.util.Map;

import org.jboss.logging.Logger;

import com.google.protobuf.ByteString;

import dev.nsg.dhpush.buildkit.wire.GetSecretRequest;
import dev.nsg.dhpush.buildkit.wire.GetSecretResponse;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;

/**
 * {@code moby.buildkit.secrets.v1.Secrets/GetSecret}: the value of a {@code --secret} by id; an id nobody gave is
 * NOT_FOUND, which BuildKit turns into a missing mount (or a failed step where the mount is {@code required}).
 */
final class SecretsService {

    static final String SERVICE = "moby.buildkit.secrets.v1.Secrets";
    static final MethodDescriptor<GetSecretRequest, GetSecretResponse> GET_SECRET = SessionMethods.method(
            MethodDescriptor.MethodType.UNARY, SERVICE, "GetSecret", GetSecretRequest.getDefaultInstance(),
            GetSecretResponse.getDefaultInstance());

    private static final Logger LOG = Logger.getLogger(SecretsService.class);

    private SecretsService() {
    }

    static ServerServiceDefinition definition(Map<String, BuildSecret> byId) {
        return ServerServiceDefinition.builder(SERVICE)
                .addMethod(GET_SECRET, ServerCalls.asyncUnaryCall((request, reply) -> {
                    BuildSecret secret = byId.get(request.getID());
                    LOG.debugf("BuildKit asked for secret %s: %s", request.getID(), secret == null ? "not given" : secret.source());
                    if (secret == null) {
                        reply.onError(Status.NOT_FOUND.withDescription("no secret " + request.getID()).asRuntimeException());
                        return;
                    }
                    byte[] value;
                    try {
                        value = secret.value().get();
                    } catch (RuntimeException e) {
                        reply.onError(Status.INTERNAL.withDescription("secret " + request.getID() + " from " + secret.source()
                                + " cannot be read").asRuntimeException());
                        return;
                    }
                    reply.onNext(GetSecretResponse.newBuilder().setData(ByteString.copyFrom(value)).build());
                    reply.onCompleted();
                }))
                .build();
    }
}
