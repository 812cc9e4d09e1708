package dev.nsg.dhpush.engine;

import java.util.List;

/**
 * A build BuildKit runs with its context and Dockerfile served by a session ({@code remote=client-session}).
 *
 * @param build what a classic build takes too; its context is not sent as a tar
 * @param sessionId the session that serves the files, credentials and secrets
 * @param buildId a handle for {@code POST /build/cancel}
 * @param dockerfileName the Dockerfile's name inside the directory the session serves as {@code dockerfile}
 * @param cacheFrom images whose inline cache the build may reuse
 */
public record BuildKitRequest(BuildRequest build, String sessionId, String buildId, String dockerfileName, List<String> cacheFrom) {

    public BuildKitRequest {
        cacheFrom = List.copyOf(cacheFrom);
    }
}
