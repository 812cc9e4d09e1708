package dev.nsg.dhpush.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** WWW-Authenticate parsing on recorded headers. */
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
}
