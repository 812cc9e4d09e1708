package dev.nsg.dhpush.engine;

import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.context.BuildContext;

/**
 * Everything {@code POST /build} takes from dhpush, built by name ({@link #builder(BuildContext)}): several of its
 * values are strings that would compile just as well swapped.
 *
 * @param names the image names to tag the result with ({@code repo:tag}), as the engine knows them
 * @param target the stage to stop at, or null for the last
 * @param network the network for RUN instructions, or null for the engine's default
 * @param platform the target platform, or null for the engine's
 * @param registryConfig base64url JSON for X-Registry-Config (credentials for private base images), or null
 */
public record BuildRequest(BuildContext context, List<String> names, Map<String, String> buildArgs,
        Map<String, String> labels, String target, boolean pull, boolean noCache, String network, String platform,
        String registryConfig) {

    public static Builder builder(BuildContext context) {
        return new Builder(context);
    }

    /** Named construction of a {@link BuildRequest}; what is not set is the engine's default. */
    public static final class Builder {
        private final BuildContext context;
        private List<String> names = List.of();
        private Map<String, String> buildArgs = Map.of();
        private Map<String, String> labels = Map.of();
        private String target;
        private boolean pull;
        private boolean noCache;
        private String network;
        private String platform;
        private String registryConfig;

        private Builder(BuildContext context) {
            this.context = context;
        }

        public Builder names(List<String> value) {
            names = List.copyOf(value);
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

        public Builder registryConfig(String value) {
            registryConfig = value;
            return this;
        }

        public BuildRequest build() {
            return new BuildRequest(context, names, buildArgs, labels, target, pull, noCache, network, platform, registryConfig);
        }
    }
}
