package dev.nsg.dhpush.buildkit;

import java.util.Map;

import org.jboss.logging.Logger;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.buildkit.wire.CredentialsRequest;
import dev.nsg.dhpush.buildkit.wire.CredentialsResponse;
import dev.nsg.dhpush.model.DockerHub;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;

/**
 * {@code moby.filesync.v1.Auth/Credentials}: the daemon asks whom to pull a base image (or a {@code --cache-from}
 * image) as, host by host. Only hosts dhpush holds credentials for get any; the token-authority methods are not
 * served (UNIMPLEMENTED), so the daemon does the token exchange itself with these credentials.
 */
final class AuthService {

    static final String SERVICE = "moby.filesync.v1.Auth";
    static final MethodDescriptor<CredentialsRequest, CredentialsResponse> CREDENTIALS = SessionMethods.method(
            MethodDescriptor.MethodType.UNARY, SERVICE, "Credentials", CredentialsRequest.getDefaultInstance(),
            CredentialsResponse.getDefaultInstance());

    private static final Logger LOG = Logger.getLogger(AuthService.class);

    private AuthService() {
    }

    /** @param byConfigKey credentials by their docker config key ({@code host:port}, Docker Hub's index URL) */
    static ServerServiceDefinition definition(Map<String, Credentials> byConfigKey) {
        return ServerServiceDefinition.builder(SERVICE)
                .addMethod(CREDENTIALS, ServerCalls.asyncUnaryCall((request, reply) -> {
                    reply.onNext(answer(byConfigKey, request.getHost()));
                    reply.onCompleted();
                }))
                .build();
    }

    static CredentialsResponse answer(Map<String, Credentials> byConfigKey, String host) {
        Credentials found = byConfigKey.get(configKey(host));
        LOG.debugf("BuildKit asked for credentials for %s: %s", host, found == null ? "none (anonymous)" : found.source().kind());
        if (found == null) {
            return CredentialsResponse.getDefaultInstance();
        }
        // An identity token goes with an empty user name: the daemon then uses it as an OAuth2 refresh token.
        return CredentialsResponse.newBuilder()
                .setUsername(found.identityToken() ? "" : found.username())
                .setSecret(found.secret())
                .build();
    }

    /** The daemon names Docker Hub by its API host; config files key it by the index URL. */
    private static String configKey(String host) {
        return DockerHub.API_HOST.equals(host) || DockerHub.isDockerHub(host) ? DockerHub.AUTH_CONFIG_KEY : host;
    }
}
