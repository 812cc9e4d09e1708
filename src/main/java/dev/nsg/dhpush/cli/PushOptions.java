package dev.nsg.dhpush.cli;

import picocli.CommandLine.Option;

/** How a push treats tags the registry already holds. */
class PushOptions {

    @Option(names = "--no-overwrite",
            description = "Refuse to move a tag (other than latest) that already holds another image: exit 9, nothing pushed.")
    boolean noOverwrite;
}
