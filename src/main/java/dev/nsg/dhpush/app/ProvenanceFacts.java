package dev.nsg.dhpush.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.nsg.dhpush.dockerfile.BaseImage;
import dev.nsg.dhpush.dockerfile.BaseImages;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.ImageInfo;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.signing.BuildProvenance;
import dev.nsg.dhpush.signing.BuildProvenance.Dependency;

/**
 * Turns what a publish did into SLSA v1 provenance values. The build type and builder ids are URNs of dhpush's own:
 * they name how dhpush builds (through the engine's API) and where it ran, and promise no hosted service behind them.
 */
final class ProvenanceFacts {

    static final String BUILD_TYPE = "urn:dhpush:build-type:docker-engine:v1";
    private static final String SOURCE_LABEL = "org.opencontainers.image.source";
    private static final String REVISION_LABEL = "org.opencontainers.image.revision";

    private ProvenanceFacts() {
    }

    /** The base images of the Dockerfile as this engine resolved them: with the registry digest it recorded, where any. */
    static List<Dependency> baseImages(PublishPlan plan, DockerEngine engine) {
        List<Dependency> dependencies = new ArrayList<>();
        for (BaseImage base : BaseImages.named(plan.dockerfile(), plan.buildArgs())) {
            if (!base.resolved()) {
                continue; // scratch, or a name built from an argument the plan cannot resolve
            }
            Map<String, String> digest = new LinkedHashMap<>();
            registryDigest(base.name(), engine.inspect(base.name())).ifPresent(hex -> digest.put("sha256", hex));
            // A base with no registry digest (built or imported on this engine) is named without one: its image ID is
            // a config digest, which no registry would resolve.
            dependencies.add(new Dependency("pkg:docker/" + base.name(), digest));
        }
        return dependencies;
    }

    /**
     * The manifest digest behind a base image name: the one the name pins ({@code name@sha256:…}), else the one the
     * engine recorded for that repository when it pulled it, else any it recorded.
     */
    private static Optional<String> registryDigest(String name, Optional<ImageInfo> image) {
        int at = name.indexOf("@sha256:");
        if (at >= 0) {
            return Optional.of(name.substring(at + "@sha256:".length()));
        }
        int lastSlash = name.lastIndexOf('/');
        int tagColon = name.lastIndexOf(':');
        String repository = tagColon > lastSlash ? name.substring(0, tagColon) : name;
        List<String> recorded = image.map(ImageInfo::repoDigests).orElse(List.of());
        return recorded.stream().filter(pinned -> pinned.startsWith(repository + "@sha256:")).findFirst()
                .or(() -> recorded.stream().filter(pinned -> pinned.contains("@sha256:")).findFirst())
                .map(pinned -> pinned.substring(pinned.indexOf("@sha256:") + "@sha256:".length()));
    }

    static BuildProvenance of(BuildRecord build, ImageReference repository, List<Tag> tags, PipelineRun run, String version) {
        PublishPlan plan = build.plan();
        Map<String, Object> external = new LinkedHashMap<>();
        external.put("repository", repository.fullName());
        external.put("tags", tags.stream().map(Tag::value).toList());
        external.put("dockerfile", plan.context().directory().relativize(plan.context().dockerfile()).toString());
        if (plan.settings().flags().target() != null) {
            external.put("target", plan.settings().flags().target());
        }
        // Build arguments as the engine got them, as buildx's provenance records them; build secrets (--secret) are
        // never among them.
        external.put("buildArgs", new LinkedHashMap<>(plan.buildArgs()));
        if (plan.settings().flags().platform() != null) {
            external.put("platform", plan.settings().flags().platform());
        }
        Map<String, Object> internal = new LinkedHashMap<>();
        internal.put("builder", build.builder().buildKit() ? "buildkit" : "classic");
        internal.put("engine", build.engine());
        if (run.buildNumber() != null) {
            internal.put("bitbucketBuildNumber", run.buildNumber());
        }
        List<Dependency> dependencies = new ArrayList<>();
        String source = plan.labels().get(SOURCE_LABEL);
        String revision = plan.labels().get(REVISION_LABEL);
        if (source != null && revision != null) {
            dependencies.add(new Dependency("git+" + source, Map.of("gitCommit", revision)));
        }
        dependencies.addAll(build.baseImages());
        String invocation = run.isBitbucket() ? run.pipelineUuid() + (run.stepUuid() != null ? "/" + run.stepUuid() : "") : null;
        String builderId = "urn:dhpush:builder:" + (run.isBitbucket() ? "bitbucket-pipelines" : "local");
        return new BuildProvenance(builderId, version, BUILD_TYPE, external, internal, dependencies, invocation, build.started(),
                Instant.now());
    }
}
