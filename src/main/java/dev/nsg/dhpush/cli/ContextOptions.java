package dev.nsg.dhpush.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the build context and the Dockerfile are: shared by the commands that build and those that only look. */
class ContextOptions {

    @Option(names = "--context", paramLabel = "DIR", defaultValue = ".",
            description = "Build context directory (default: the current directory).")
    Path context;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
            description = "Dockerfile, inside or outside the context (default: DIR/Dockerfile).")
    Path file;

    Path dockerfile() {
        return file;
    }
}
