package dev.nsg.dhpush.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The leak check is planted with the secret in every form it looks for, and must catch each one. */
class SecretLeaksTest {

    private static final String SECRET = "Pa55-word/never+printed";

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64url(String text) {
        return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCleanOutput_passes() {
        assertEquals(Optional.empty(), SecretLeaks.find("error: push docker.io/team/app:1: the registry answered 401\n"
                + "{\"event\":\"error\",\"message\":\"refused\"}\n" + b64("user:another-password"), SECRET));
    }

    @Test
    void theSecretAsItIs_isCaught() {
        assertTrue(SecretLeaks.find("debug: password=" + SECRET + " sent", SECRET).isPresent());
    }

    @ParameterizedTest(name = "[{index}] after {0} bytes of prefix")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void theSecretInsideBase64AndBase64url_withAndWithoutPadding_atEveryAlignment_isCaught(int prefixLength) {
        String text = "x".repeat(prefixLength) + "{\"password\":\"" + SECRET + "\"}";
        for (String encoded : new String[] {b64(text), b64url(text), b64(text).replace("=", ""), b64url(text).replace("=", "")}) {
            assertTrue(SecretLeaks.find("X-Registry-Auth: " + encoded, SECRET).isPresent(), encoded);
        }
    }

    @Test
    void aBasicAuthorizationHeader_isCaught() {
        assertTrue(SecretLeaks.find("Authorization: Basic " + b64("pipeline:" + SECRET), SECRET).isPresent());
    }

    @Test
    void theSecretSplitAcrossJsonEscapes_isCaught() {
        String escaped = SECRET.replace("/", "\\/").replace("P", "\\u0050").replace("-", "\\u002d");
        assertTrue(SecretLeaks.find("{\"event\":\"notice\",\"text\":\"" + escaped + "\"}", SECRET).isPresent(), escaped);
    }

    @Test
    void assertAbsent_failsWithoutPrintingTheSecret() {
        AssertionError failure = assertThrows(AssertionError.class, () -> SecretLeaks.assertAbsent(b64url(SECRET), SECRET, "stdout"));
        assertEquals(Optional.empty(), SecretLeaks.find(failure.getMessage(), SECRET), "the failure message itself leaks");
    }
}
