package dev.nsg.dhpush.buildkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.buildkit.wire.CredentialsResponse;
import dev.nsg.dhpush.failure.CredentialSource;

class AuthServiceTest {

    private static final CredentialSource SOURCE = CredentialSource.environment();
    private static final Map<String, Credentials> HELD = Map.of(
            "https://index.docker.io/v1/", Credentials.password("hubuser", "hub-secret", SOURCE),
            "127.0.0.1:5000", Credentials.token("identity-token", SOURCE));

    @Test
    void dockerHub_isAskedForByItsApiHost_andAnsweredWithItsConfigEntry() {
        assertEquals("hubuser", AuthService.answer(HELD, "registry-1.docker.io").getUsername());
        assertEquals("hub-secret", AuthService.answer(HELD, "registry-1.docker.io").getSecret());
    }

    @Test
    void anIdentityToken_goesWithAnEmptyUserName() {
        CredentialsResponse answer = AuthService.answer(HELD, "127.0.0.1:5000");
        assertEquals("", answer.getUsername());
        assertEquals("identity-token", answer.getSecret());
    }

    @Test
    void aHostWithoutCredentials_getsNone_neverAnotherHostsOnes() {
        assertEquals(CredentialsResponse.getDefaultInstance(), AuthService.answer(HELD, "127.0.0.1:5001"));
        assertEquals(CredentialsResponse.getDefaultInstance(), AuthService.answer(HELD, "registry.example.com"));
    }
}
