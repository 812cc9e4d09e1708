package dev.nsg.dhpush.registry;

/**
 * Docker Hub's pull rate-limit headers as sent ({@code ratelimit-limit: 100;w=21600}), or nulls when the registry
 * sends none. Read, never assumed: the published limits change.
 */
public record RateLimit(String limit, String remaining, String source) {

    public boolean isKnown() {
        return limit != null || remaining != null;
    }
}
