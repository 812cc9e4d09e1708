package dev.nsg.dhpush.testing;

import java.util.Map;

/**
 * The three kinds of registry a push meets, started together for one test class: Docker-Hub-style Bearer tokens from
 * a test issuer (pull for anyone, push for the namespace's owner), htpasswd Basic auth for the owner, and no auth.
 */
public final class TestRegistries implements AutoCloseable {

    public static final String OWNER = "pipeline";

    public final TokenIssuer issuer;
    public final LocalRegistry token;
    public final LocalRegistry basic;
    public final LocalRegistry open;

    private TestRegistries(String password) {
        issuer = TokenIssuer.start(Map.of(OWNER, password));
        token = LocalRegistry.withTokenAuth(issuer);
        basic = LocalRegistry.withBasicAuth(OWNER, password);
        open = LocalRegistry.open();
    }

    /** @param password the owner's password on the token issuer and the htpasswd registry */
    public static TestRegistries start(String password) {
        return new TestRegistries(password);
    }

    @Override
    public void close() {
        open.close();
        basic.close();
        token.close();
        issuer.close();
    }
}
