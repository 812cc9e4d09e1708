package dev.nsg.dhpush.buildkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.auth.Credentials;

/**
 * What a BuildKit build takes beyond what both builders take.
 *
 * @param secrets what {@code RUN --mount=type=secret} may mount, by id
 * @param cacheFrom images whose inline cache the build may reuse ({@code --cache-from})
 * @param pulls credentials for pulling base images and cache images, by docker config key
 * @param nodeIdFile where the per-user id behind the session's shared key is kept (created on first use)
 */
public record BuildKitOptions(List<BuildSecret> secrets, List<String> cacheFrom, Map<String, Credentials> pulls, Path nodeIdFile) {

    public BuildKitOptions {
        secrets = List.copyOf(secrets);
        cacheFrom = List.copyOf(cacheFrom);
        pulls = Map.copyOf(pulls);
    }
}
