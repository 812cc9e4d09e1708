package dev.nsg.dhpush.engine;

import java.util.Optional;

import dev.nsg.dhpush.model.Digest;

/** The Docker engine as dhpush uses it. Failures reported inside the engine's streams become exceptions. */
public interface DockerEngine {

    /** The negotiated API version and the engine's own version, for logs and --debug. */
    String describe();

    /** Builds the image and tags it with every name of the request; returns the image ID. */
    String build(BuildRequest request, EngineProgress progress);

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
