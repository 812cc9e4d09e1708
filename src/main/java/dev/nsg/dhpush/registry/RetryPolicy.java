package dev.nsg.dhpush.registry;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries for idempotent registry calls: at most {@code maxAttempts}, within {@code maxTotal}, exponential
 * back-off with equal jitter (a random wait between half the ceiling and the ceiling, so retries never bunch at zero),
 * and a server's Retry-After honoured (RFC 9110 §10.2.3) when it fits the budget.
 */
record RetryPolicy(int maxAttempts, Duration maxTotal, Duration initialBackoff) {

    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The wait before attempt {@code attempt + 1}: Retry-After when given, else jittered exponential back-off. */
    Duration backoff(int attempt, String retryAfter) {
        Duration asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return asked;
        }
        long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
