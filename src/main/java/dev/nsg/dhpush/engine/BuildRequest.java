package dev.nsg.dhpush.engine;

import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.context.BuildContext;

/**
 * Everything {@code POST /build} takes from dhpush.
 *
 * @param names the image names to tag the result with ({@code repo:tag}), as the engine knows them
 * @param buildArgs the build arguments, by name
 * @param labels the labels to add, by key
 * @param registryConfig base64url JSON for X-Registry-Config (credentials for private base images), or null
 */
public record BuildRequest(BuildContext context, List<String> names, Map<String, String> buildArgs,
        Map<String, String> labels, BuildFlags flags, String registryConfig) {
}
