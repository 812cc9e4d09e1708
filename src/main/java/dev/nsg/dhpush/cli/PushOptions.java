package dev.nsg.dhpush.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.app.PushPolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a push treats tags the registry already holds, what it signs with, and where it writes its results for later steps. */
class PushOptions {

    @Option(names = "--no-overwrite",
            description = "Refuse to move a tag (other than latest) that already holds another image: exit 9, nothing pushed.")
    boolean noOverwrite;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "After verification, sign the pushed digest as cosign sign --key does (a .sig beside the image), with this"
                    + " ECDSA P-256 key: cosign's encrypted key (password from COSIGN_PASSWORD, or asked at a terminal), or a"
                    + " plain PKCS#8 or SEC1 key from openssl. Default: the key in DHPUSH_SIGN_KEY, if set."
                    + " A full publish also attaches the build's SLSA provenance, signed, as cosign attest does."
                    + " The key is opened before anything is built or pushed.")
    Path signKey;

    @Mixin
    ResultFileOptions results;

    /** Reads and opens the signing key now, so a wrong password stops the run before it costs a build. */
    PushPolicy policy(Environment environment, ObjectMapper json) {
        return new PushPolicy(noOverwrite, SigningKeySource.read(signKey, environment, json), environment.pipelineRun());
    }
}
