package dev.nsg.dhpush.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

/** Which answers are retried, and how long dhpush waits before the next attempt. */
class RetryPolicyTest {

    @Test
    void retryAfter_isSecondsOrAnHttpDate_andAnythingElseIsIgnored() {
        assertEquals(Duration.ofSeconds(3), RetryPolicy.parseRetryAfter("3"));
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "a date in the past");
        Duration future = RetryPolicy.parseRetryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(30)));
        assertTrue(future.toSeconds() >= 28 && future.toSeconds() <= 30, future.toString());
        assertNull(RetryPolicy.parseRetryAfter("soon"));
        assertNull(RetryPolicy.parseRetryAfter(null));
    }

    @Test
    void backoff_doublesPerAttempt_withEqualJitter_andRetryAfterWins() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofMillis(400));
        for (int attempt = 1; attempt <= 4; attempt++) {
            long ceiling = 400L << (attempt - 1);
            for (int sample = 0; sample < 50; sample++) {
                long wait = policy.backoff(attempt, null).toMillis();
                assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + ": " + wait);
            }
        }
        assertEquals(Duration.ofSeconds(7), policy.backoff(1, "7"));
    }

    @Test
    void retryableStatuses_areTimeoutsRateLimitsAndServerErrors() {
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(RetryPolicy.isRetryable(status), Integer.toString(status));
        }
        for (int status : new int[] {200, 202, 204, 401, 403, 404, 405}) {
            assertFalse(RetryPolicy.isRetryable(status), Integer.toString(status));
        }
    }
}
