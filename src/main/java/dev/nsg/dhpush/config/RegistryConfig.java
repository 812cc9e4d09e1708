package dev.nsg.dhpush.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How dhpush talks to registries. Every value can be set in the environment, e.g.
 * {@code DHPUSH_REGISTRY_MAX_ATTEMPTS=3} or {@code DHPUSH_REGISTRY_MAX_RETRY_TIME=30S}.
 */
@ConfigMapping(prefix = "dhpush.registry")
public interface RegistryConfig {

    /** Attempts per idempotent request (GET, HEAD, token) before giving up with exit 8. */
    @WithDefault("5")
    int maxAttempts();

    /** The total time one request may spend retrying, waits included. */
    @WithDefault("60S")
    Duration maxRetryTime();

    /** The first back-off; each retry doubles it, with jitter. */
    @WithDefault("0.5S")
    Duration initialBackoff();

    /** Connect and read timeout of one request. */
    @WithDefault("30S")
    Duration requestTimeout();

    /** Tags asked for per page of the tag list. */
    @WithDefault("100")
    int tagsPageSize();
}
