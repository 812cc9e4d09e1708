package dev.nsg.dhpush.cli;

import java.io.File;
import java.io.IOException;

import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Run by Maven before packaging (exec:java): writes the AsciiDoc man pages of dhpush and each command with picocli's
 * ManPageGenerator, from the same command model and help texts the executable shows; asciidoctor then makes groff.
 * It lives with the tests because picocli-codegen is a build-time tool, never part of the executable.
 */
public final class ManPageSource {

    private ManPageSource() {
    }

    private static void setVersion(CommandLine command, String version) {
        command.getCommandSpec().versionProvider(() -> new String[] {version});
        command.getSubcommands().values().forEach(sub -> setVersion(sub, version));
    }

    public static void main(String[] args) throws IOException {
        CommandLine commandLine = new CommandLine(DhpushCommand.class);
        CommandLineProducer.describe(commandLine);
        // The pages' header and footer name dhpush's version only: the JVM that happened to build them is no fact about
        // the executable, and its version string (17.0.15+6-Debian-…) reads as AsciiDoc markup in an attribute.
        setVersion(commandLine, "dhpush " + System.getProperty("quarkus.application.version", "unknown"));
        int exit = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true, commandLine.getCommandSpec());
        if (exit != 0) {
            throw new IllegalStateException("picocli's ManPageGenerator exited " + exit);
        }
    }
}
