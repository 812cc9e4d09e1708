package dev.nsg.dhpush.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.buildkit.BuildSecret;
import dev.nsg.dhpush.engine.BuildFlags;
import dev.nsg.dhpush.model.Tag;

/**
 * What the user asked for, already parsed and validated by the command line; built by name ({@link #builder()}), as
 * its two paths and two maps would compile just as well swapped.
 *
 * @param dockerfile {@code --file}, or null for the context's Dockerfile
 * @param buildArgs {@code --build-arg} values, resolved (a bare K took its value from the environment)
 * @param labels {@code --label} values, laid over the automatic OCI labels
 * @param flags the build switches passed through to the engine
 * @param builderChoice the builder asked for, or null where neither the command line nor the environment names one
 * @param secrets what BuildKit builds may mount as secrets
 * @param cacheFrom images whose inline cache a BuildKit build may reuse
 * @param stateDirectory where dhpush keeps what outlives a run (the BuildKit session's node id), in the user's config
 */
public record PublishSettings(RepositoryRequest repository, List<Tag> tags, Path context, Path dockerfile,
        Map<String, String> buildArgs, Map<String, String> labels, BuildFlags flags, BuilderChoice builderChoice,
        List<BuildSecret> secrets, List<String> cacheFrom, Path stateDirectory) {

    public PublishSettings {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        secrets = List.copyOf(secrets);
        cacheFrom = List.copyOf(cacheFrom);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of {@link PublishSettings}; unset values are the docker CLI's defaults. */
    public static final class Builder {
        private RepositoryRequest repository = new RepositoryRequest(null, null, null);
        private List<Tag> tags = List.of();
        private Path context = Path.of(".");
        private Path dockerfile;
        private Map<String, String> buildArgs = Map.of();
        private Map<String, String> labels = Map.of();
        private BuildFlags flags = BuildFlags.DEFAULTS;
        private BuilderChoice builderChoice;
        private List<BuildSecret> secrets = List.of();
        private List<String> cacheFrom = List.of();
        private Path stateDirectory = Path.of(System.getProperty("java.io.tmpdir"), "dhpush");

        private Builder() {
        }

        public Builder repository(RepositoryRequest value) {
            repository = value;
            return this;
        }

        public Builder tags(List<Tag> value) {
            tags = value;
            return this;
        }

        public Builder context(Path value) {
            context = value;
            return this;
        }

        public Builder dockerfile(Path value) {
            dockerfile = value;
            return this;
        }

        public Builder buildArgs(Map<String, String> value) {
            buildArgs = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            labels = value;
            return this;
        }

        public Builder flags(BuildFlags value) {
            flags = value;
            return this;
        }

        /** The builder asked for on the command line or in the environment; null leaves it to the project, else auto. */
        public Builder builderChoice(BuilderChoice value) {
            builderChoice = value;
            return this;
        }

        public Builder secrets(List<BuildSecret> value) {
            secrets = value;
            return this;
        }

        public Builder cacheFrom(List<String> value) {
            cacheFrom = value;
            return this;
        }

        public Builder stateDirectory(Path value) {
            stateDirectory = value;
            return this;
        }

        public PublishSettings build() {
            return new PublishSettings(repository, tags, context, dockerfile, buildArgs, labels, flags, builderChoice, secrets, cacheFrom, stateDirectory);
        }
    }
}
