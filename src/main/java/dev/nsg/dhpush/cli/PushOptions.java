package dev.nsg.dhpush.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a push treats tags the registry already holds, and where it writes its results for later steps. */
class PushOptions {

    @Option(names = "--no-overwrite",
            description = "Refuse to move a tag (other than latest) that already holds another image: exit 9, nothing pushed.")
    boolean noOverwrite;

    @Mixin
    ResultFileOptions results;
}
