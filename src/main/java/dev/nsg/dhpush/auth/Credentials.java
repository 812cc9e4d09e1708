package dev.nsg.dhpush.auth;

/**
 * A user name and its secret (password, access token or identity token) for one registry.
 *
 * @param source where they came from, for messages: "DOCKER_HUB_USER/DOCKER_HUB_KEY", "config.json auths", …
 */
public record Credentials(String username, String secret, boolean identityToken, String source) {

    public static Credentials password(String username, String secret, String source) {
        return new Credentials(username, secret, false, source);
    }

    public static Credentials token(String identityToken, String source) {
        return new Credentials("<token>", identityToken, true, source);
    }

    /** Never prints the secret, whatever logs or exception messages do with the record. */
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", secret=<redacted>, source=" + source + "]";
    }
}
