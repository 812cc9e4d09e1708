package dev.nsg.dhpush.auth;

import dev.nsg.dhpush.failure.CredentialSource;

/**
 * A user name and its secret (password, access token or identity token) for one registry.
 *
 * @param source where they came from, so a refusal can name it
 */
public record Credentials(String username, String secret, boolean identityToken, CredentialSource source) {

    public static Credentials password(String username, String secret, CredentialSource source) {
        return new Credentials(username, secret, false, source);
    }

    public static Credentials token(String identityToken, CredentialSource source) {
        return new Credentials("<token>", identityToken, true, source);
    }

    /** Never prints the secret, whatever logs or exception messages do with the record. */
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", secret=<redacted>, source=" + source.kind() + "]";
    }
}
