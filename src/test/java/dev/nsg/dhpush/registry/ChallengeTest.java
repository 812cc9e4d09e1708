package dev.nsg.dhpush.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** WWW-Authenticate parsing on recorded headers, retry timing rules, and which registries get plain HTTP. */
class ChallengeTest {

    @Test
    void bearerChallenge_asDockerHubSendsIt() {
        Challenge challenge = Challenge.parse(
                "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:willfifensg/app:pull,push\"");
        assertTrue(challenge.isBearer());
        assertEquals("https://auth.example/token", challenge.realm());
        assertEquals("registry.example", challenge.service());
        assertEquals("repository:willfifensg/app:pull,push", challenge.parameters().get("scope"));
    }

    @Test
    void basicChallenge_andQuotedEscapes_andErrorParameter() {
        Challenge basic = Challenge.parse("Basic realm=\"dhpush-test\"");
        assertTrue(basic.isBasic());
        assertEquals("dhpush-test", basic.realm());
        Challenge withError = Challenge.parse("Bearer realm=\"r\", error=\"insufficient_scope\", scope=\"a \\\"b\\\"\"");
        assertEquals("insufficient_scope", withError.parameters().get("error"));
        assertEquals("a \"b\"", withError.parameters().get("scope"));
    }

    @Test
    void missingHeader_isNoChallenge() {
        assertNull(Challenge.parse(null));
        assertNull(Challenge.parse("  "));
    }

    @Test
    void retryAfter_secondsOrHttpDate_elseBackoffWithinItsCeiling() {
        assertEquals(Duration.ofSeconds(3), RetryPolicy.parseRetryAfter("3"));
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(RetryPolicy.parseRetryAfter("soon"));
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofMillis(400));
        for (int attempt = 1; attempt <= 4; attempt++) {
            long ceiling = 400L << (attempt - 1);
            long wait = policy.backoff(attempt, null).toMillis();
            assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + ": " + wait);
        }
        assertEquals(Duration.ofSeconds(7), policy.backoff(1, "7"));
    }

    @Test
    void retryableStatuses_areTimeoutsRateLimitsAndServerErrors() {
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(RetryPolicy.isRetryable(status), Integer.toString(status));
        }
        for (int status : new int[] {200, 401, 403, 404}) {
            assertFalse(RetryPolicy.isRetryable(status), Integer.toString(status));
        }
    }

    @Test
    void plainHttp_onlyForLoopbackAddresses_neverByDnsName() {
        assertTrue(RegistryEndpoint.isLoopback("127.0.0.1:5000"));
        assertTrue(RegistryEndpoint.isLoopback("127.8.9.10"));
        assertTrue(RegistryEndpoint.isLoopback("localhost:5000"));
        assertTrue(RegistryEndpoint.isLoopback("[::1]:5000"));
        assertFalse(RegistryEndpoint.isLoopback("10.0.0.1:5000"));
        assertFalse(RegistryEndpoint.isLoopback("registry.example.com"));
        assertEquals("https", RegistryEndpoint.of("registry.example.com", java.util.Set.of(), null, java.nio.file.Path.of("/nonexistent")).base().getScheme());
        assertEquals("http", RegistryEndpoint.of("10.0.0.1:5000", java.util.Set.of("10.0.0.1:5000"), null, java.nio.file.Path.of("/nonexistent")).base().getScheme());
    }
}
