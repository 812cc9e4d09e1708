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

    public static void main(String[] args) throws IOException {
        CommandLine commandLine = new CommandLine(DhpushCommand.class);
        CommandLineProducer.describe(commandLine);
        int exit = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true, commandLine.getCommandSpec());
        if (exit != 0) {
            throw new IllegalStateException("picocli's ManPageGenerator exited " + exit);
        }
    }
}
