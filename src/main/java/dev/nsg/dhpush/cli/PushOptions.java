package dev.nsg.dhpush.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.app.PushPolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a push treats tags the registry already holds, what it signs with, and where it writes its results for later steps. */
class PushOptions {

    @Option(names = "--no-overwrite",
            description = "Refuse to move a tag (other than latest) that already holds another image: exit 9, nothing pushed.")
    boolean noOverwrite;

    @Mixin
    SigningOptions signing;

    @Mixin
    ResultFileOptions results;

    /** Reads and opens the signing key now, so a wrong password stops the run before it costs a build. */
    PushPolicy policy(Environment environment, ObjectMapper json) {
        return new PushPolicy(noOverwrite, signing.key(environment, json), environment.pipelineRun());
    }
}
