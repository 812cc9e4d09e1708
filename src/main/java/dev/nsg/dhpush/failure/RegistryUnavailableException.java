package dev.nsg.dhpush.failure;

import java.time.Duration;

/** The registry stayed unreachable or rate-limited after the bounded retries, or does not speak the v2 API. */
public class RegistryUnavailableException extends DhpushException {

    /**
     * UNREACHABLE: connection errors or 5xx to the end; RATE_LIMITED: 429 (TOOMANYREQUESTS) to the end, or the engine
     * relayed it for a base image it was pulling (no host known then);
     * NOT_A_REGISTRY: no v2 API at that address; BAD_ANSWER: an answer dhpush cannot read; INTERRUPTED: stopped while
     * waiting to retry.
     */
    public enum Reason { UNREACHABLE, RATE_LIMITED, NOT_A_REGISTRY, BAD_ANSWER, INTERRUPTED }

    private final Reason reason;
    private final String host;
    private final Retries retries;

    public RegistryUnavailableException(Reason reason, String host, Retries retries, String message, Throwable cause) {
        super(ExitCode.REGISTRY_UNAVAILABLE, message, cause);
        this.reason = reason;
        this.host = host;
        this.retries = retries;
    }

    public RegistryUnavailableException(Reason reason, String host, String message) {
        this(reason, host, null, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The registry's API host. */
    public String host() {
        return host;
    }

    /** How the retries went, or null when none were made (the engine's own push, an unreadable answer). */
    public Retries retries() {
        return retries;
    }

    /**
     * @param retryAfter the last Retry-After the registry sent, or null
     * @param rateLimit the registry's rate-limit headers on its last answer ({@code 0;w=21600 of 100;w=21600}), or null
     */
    public record Retries(int attempts, int maxAttempts, Duration maxRetryTime, String retryAfter, String rateLimit) {
    }
}
