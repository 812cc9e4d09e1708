package dev.nsg.dhpush.engine;

import java.util.List;

/**
 * What {@code POST /session} tells the daemon about a BuildKit session (moby/buildkit session/session.go's headers).
 *
 * @param id the session's id, which the build names in {@code session=}
 * @param name free text; the docker CLI sends the context directory's base name
 * @param sharedKey the key under which the daemon keeps its copy of synced directories between builds
 * @param methods the gRPC methods the session serves ({@code /grpc.health.v1.Health/Check}, …)
 */
public record SessionRequest(String id, String name, String sharedKey, List<String> methods) {
}
