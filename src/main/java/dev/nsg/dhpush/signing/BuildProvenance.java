package dev.nsg.dhpush.signing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a SLSA v1 provenance says about one build (slsa.dev/spec/v1.0/provenance), as plain values: the caller
 * gathers them, this package writes them. Nothing secret belongs here: no credentials, no build secret values.
 *
 * @param externalParameters what the user chose: Dockerfile, target, build arguments, tags (JSON-able values)
 * @param dependencies       the sources and base images the build resolved
 * @param invocationId       the CI run (Bitbucket's pipeline and step), or null
 */
public record BuildProvenance(String builderId, String builderVersion, String buildType, Map<String, Object> externalParameters,
        Map<String, Object> internalParameters, List<Dependency> dependencies, String invocationId, Instant startedOn,
        Instant finishedOn) {

    /** A resolved dependency: a URI (git+…, pkg:docker/…) and its digests by algorithm ({@code sha256}, {@code gitCommit}). */
    public record Dependency(String uri, Map<String, String> digest) {
    }
}
