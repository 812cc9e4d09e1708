package dev.nsg.dhpush.cli;

import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.signing.SigningKey;
import picocli.CommandLine.Option;

/** The key a publish signs with: on {@code dhpush} and {@code push}, and on {@code doctor}, which checks that it opens. */
class SigningOptions {

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "After verification, sign the pushed digest as cosign sign --key does (a .sig beside the image), with this"
                    + " ECDSA P-256 key: cosign's encrypted key (password from COSIGN_PASSWORD, or asked at a terminal), or a"
                    + " plain PKCS#8 or SEC1 key from openssl. Default: the key in DHPUSH_SIGN_KEY, if set."
                    + " A full publish also attaches the build's SLSA provenance, signed, as cosign attest does."
                    + " The key is opened before anything is built or pushed.")
    Path signKey;

    /** Reads and opens the key now, so a wrong password stops the run before it costs a build; empty when none is set. */
    Optional<SigningKey> key(Environment environment, ObjectMapper json) {
        return SigningKeySource.read(signKey, environment, json);
    }
}
