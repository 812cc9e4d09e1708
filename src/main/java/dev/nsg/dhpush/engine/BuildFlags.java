package dev.nsg.dhpush.engine;

/**
 * The docker build switches dhpush passes through to {@code POST /build} as they were given: built by name
 * ({@link #builder()}), since three of them are strings that would compile just as well swapped.
 *
 * @param target the stage to stop at, or null for the last
 * @param network the network for RUN instructions, or null for the engine's default
 * @param platform the target platform, or null for the engine's
 */
public record BuildFlags(String target, boolean pull, boolean noCache, String network, String platform) {

    public static final BuildFlags DEFAULTS = new BuildFlags(null, false, false, null, null);

    public static Builder builder() {
        return new Builder();
    }

    /** Named construction; what is not set is the engine's default. */
    public static final class Builder {
        private String target;
        private boolean pull;
        private boolean noCache;
        private String network;
        private String platform;

        private Builder() {
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

        public BuildFlags build() {
            return new BuildFlags(target, pull, noCache, network, platform);
        }
    }
}
