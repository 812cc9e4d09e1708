package dev.nsg.dhpush.failure;

import java.nio.file.Path;

/**
 * Where a user name and secret came from, so a refusal can name it (never the secret). A fact shared by the
 * credential lookup and the failures that report on it; the command line turns it into words.
 *
 * @param file the docker config file, for CONFIG_FILE and the helpers it names; else null
 * @param helper the credential helper's name ({@code pass} for {@code docker-credential-pass}), else null
 */
public record CredentialSource(Kind kind, Path file, String helper) {

    /** STDIN: typed or piped in for this run; ENVIRONMENT: the pipeline's variables; the rest: the docker config. */
    public enum Kind { STDIN, ENVIRONMENT, CONFIG_FILE, CREDENTIAL_HELPER, CREDENTIAL_STORE }

    public static CredentialSource stdin() {
        return new CredentialSource(Kind.STDIN, null, null);
    }

    public static CredentialSource environment() {
        return new CredentialSource(Kind.ENVIRONMENT, null, null);
    }

    public static CredentialSource configFile(Path file) {
        return new CredentialSource(Kind.CONFIG_FILE, file, null);
    }

    public static CredentialSource helper(Kind kind, Path file, String helper) {
        return new CredentialSource(kind, file, helper);
    }
}
