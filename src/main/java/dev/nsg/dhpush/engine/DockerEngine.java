package dev.nsg.dhpush.engine;

import java.util.Optional;

import dev.nsg.dhpush.model.Digest;

/** The Docker engine as dhpush uses it. Failures reported inside the engine's streams become exceptions. */
public interface DockerEngine {

    /** The negotiated API version and the engine's own version, for logs and --debug. */
    String describe();

    /** Builds the image and tags it with every name of the request; returns the image ID. */
    String build(BuildRequest request, EngineProgress progress);

    /** Whether the engine names BuildKit as its default builder ({@code Builder-Version: 2} in {@code /_ping}). */
    boolean prefersBuildKit();

    /**
     * Opens a BuildKit session: {@code POST /session}, switched to HTTP/2 on which the daemon is the client and the
     * caller serves gRPC. The connection is the caller's to close; closing it ends the session.
     */
    EngineConnection openSession(SessionRequest session);

    /**
     * Builds with BuildKit ({@code /build?version=2}), the context served by the request's session; each trace of the
     * stream goes to {@code stream} as it arrives. Returns the image ID ({@code moby.image.id}: the config digest on
     * the classic image store, the manifest digest on the containerd store).
     */
    String buildWithSession(BuildKitRequest request, BuildKitStream stream);

    /** Asks the engine to stop a running BuildKit build. */
    void cancelBuild(String buildId);

    /** Tags an existing image: {@code source} is an ID or name, {@code repository} without tag. */
    void tag(String source, String repository, String tag);

    /**
     * Pushes one tag of a repository (always with {@code ?tag=}: without it the engine pushes every local tag).
     *
     * @param registryAuth the X-Registry-Auth header value
     * @return the manifest digest the registry accepted, read from the push stream
     */
    Digest push(String repository, String tag, String registryAuth, EngineProgress progress);

    Optional<ImageInfo> inspect(String name);
}
