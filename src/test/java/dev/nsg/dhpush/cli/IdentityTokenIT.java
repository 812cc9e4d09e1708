package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.TestContext;
import dev.nsg.dhpush.testing.TestRegistries;

/**
 * An identitytoken in config.json (what docker login stores for Docker Hub SSO accounts and most cloud registries) is
 * a refresh token: dhpush exchanges it with the OAuth2 POST as docker does, and with the GET form where the token
 * service refuses the POST. The preflight of a --dry-run proves push access, so no engine is needed.
 */
class IdentityTokenIT {

    private static TestRegistries registries;

    @BeforeAll
    static void start() {
        registries = TestRegistries.start("Identity-pa55word");
    }

    @AfterAll
    static void stop() {
        registries.close();
    }

    @AfterEach
    void acceptPostAgain() {
        registries.issuer.refusePost(false);
    }

    private static Commands.Result dryRunWith(String identityToken) throws IOException {
        Path config = Files.createTempDirectory("dhpush-config-");
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"" + registries.token.address()
                + "\":{\"identitytoken\":\"" + identityToken + "\"}}}");
        Path context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\n");
        return Dhpush.run(Map.of("DOCKER_CONFIG", config.toString()), null, "--dry-run", "--context", context.toString(),
                "--registry", registries.token.address(), "--repository", TestRegistries.OWNER + "/app", "--tag", "1",
                "--progress", "plain");
    }

    @Test
    void anIdentityToken_isExchangedWithTheOAuth2Post_andProvesPushAccess() throws IOException {
        String refresh = registries.issuer.refreshToken(TestRegistries.OWNER);
        Commands.Result result = dryRunWith(refresh);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("==> preflight push access to " + registries.token.address() + "/"
                + TestRegistries.OWNER + "/app proven"), result.stderr());
        assertTrue(registries.issuer.grants().contains("POST refresh_token"), registries.issuer.grants().toString());
        assertFalse(result.all().contains(refresh), "the identity token was printed: " + result);
    }

    @Test
    void whereTheTokenServiceRefusesThePost_theGetFormCarriesTheIdentityToken() throws IOException {
        registries.issuer.refusePost(true);
        int before = registries.issuer.grants().size();
        Commands.Result result = dryRunWith(registries.issuer.refreshToken(TestRegistries.OWNER));
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(registries.issuer.grants().subList(before, registries.issuer.grants().size()).contains("GET basic"),
                registries.issuer.grants().toString());
    }

    @Test
    void anIdentityTokenTheServiceDoesNotKnow_isExit5() throws IOException {
        Commands.Result result = dryRunWith("refresh-revoked");
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("refused the credentials (401)"), result.stderr());
    }
}
