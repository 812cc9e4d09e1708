package dev.nsg.dhpush.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.model.Tag;

/**
 * What the user asked for, already parsed and validated by the command line; built by name ({@link #builder()}) so
 * no two of its many same-typed values can be swapped unnoticed.
 *
 * @param dockerfile {@code --file}, or null for the context's Dockerfile
 * @param buildArgs {@code --build-arg} values, resolved (a bare K took its value from the environment)
 * @param labels {@code --label} values, laid over the automatic OCI labels
 */
public record PublishSettings(RepositoryRequest repository, List<Tag> tags, Path context, Path dockerfile,
        Map<String, String> buildArgs, Map<String, String> labels, String target, boolean pull, boolean noCache,
        String network, String platform) {

    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of {@link PublishSettings}; unset values are the docker CLI's defaults. */
    public static final class Builder {
        private RepositoryRequest repository = new RepositoryRequest(null, null, null);
        private List<Tag> tags = List.of();
        private Path context = Path.of(".");
        private Path dockerfile;
        private Map<String, String> buildArgs = new LinkedHashMap<>();
        private Map<String, String> labels = new LinkedHashMap<>();
        private String target;
        private boolean pull;
        private boolean noCache;
        private String network;
        private String platform;

        private Builder() {
        }

        public Builder repository(RepositoryRequest value) {
            repository = value;
            return this;
        }

        public Builder tags(List<Tag> value) {
            tags = List.copyOf(value);
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
            buildArgs = new LinkedHashMap<>(value);
            return this;
        }

        public Builder labels(Map<String, String> value) {
            labels = new LinkedHashMap<>(value);
            return this;
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder pull(boolean value) {
            pull = value;
            return this;
        }

        public Builder noCache(boolean value) {
            noCache = value;
            return this;
        }

        public Builder network(String value) {
            network = value;
            return this;
        }

        public Builder platform(String value) {
            platform = value;
            return this;
        }

        public PublishSettings build() {
            return new PublishSettings(repository, tags, context, dockerfile, Map.copyOf(buildArgs), Map.copyOf(labels),
                    target, pull, noCache, network, platform);
        }
    }
}
