package dev.nsg.dhpush.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the build context and the Dockerfile are: shared by the commands that build and those that only look. */
class ContextOptions {

    /** As docker's limit on nothing: a Dockerfile is small, and a runaway pipe must not fill the disk. */
    private static final int MAX_STDIN_DOCKERFILE = 10 * 1024 * 1024;

    @Option(names = "--context", paramLabel = "DIR", defaultValue = ".",
            description = "Build context directory (default: the current directory).")
    Path context;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
            description = "Dockerfile, inside or outside the context, or - to read it from standard input (default: DIR/Dockerfile).")
    Path file;

    private Path fromStdin;

    boolean readsStdin() {
        return file != null && file.toString().equals("-");
    }

    /**
     * The Dockerfile to build. {@code -f -} reads standard input once into a temporary file outside the context,
     * which the build then sends under a random name, exactly as docker sends a Dockerfile read from stdin.
     */
    Path dockerfile() {
        if (!readsStdin()) {
            return file;
        }
        if (fromStdin == null) {
            fromStdin = readStdin(System.in);
        }
        return fromStdin;
    }

    private static Path readStdin(InputStream stdin) {
        try {
            byte[] content = stdin.readNBytes(MAX_STDIN_DOCKERFILE + 1);
            if (content.length > MAX_STDIN_DOCKERFILE) {
                throw new UsageFailure("-f -: the Dockerfile on standard input is larger than 10 MiB", "pass a file with -f PATH");
            }
            if (content.length == 0) {
                throw new UsageFailure("-f -: standard input was empty", "pipe the Dockerfile in: dhpush build -f - < Dockerfile");
            }
            Path directory = Files.createTempDirectory("dhpush-stdin-");
            Path dockerfile = directory.resolve("Dockerfile");
            Files.write(dockerfile, content);
            dockerfile.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return dockerfile;
        } catch (IOException e) {
            throw new UsageFailure("-f -: cannot read the Dockerfile from standard input (" + e.getMessage() + ")",
                    "pass a file with -f PATH");
        }
    }
}
