package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.nsg.dhpush.context.BuildContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dhpush context}: what the engine would receive, entry by entry, without asking the engine for anything. */
@Command(name = "context", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "List the build context exactly as a build sends it, with totals, the largest entries and warnings.",
        description = {"Entries come in the order the tar sends them, after .dockerignore, as type, size in bytes and path"
                + " (a symlink's target after ->, a hard link's first name after 'link to'). Warnings on stderr name what rarely"
                + " belongs in an image (.env files, private keys, SQLite databases, .git, virtualenvs, __pycache__,"
                + " node_modules) and the .dockerignore line that would leave it out."},
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n")
class ContextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions source;

    @Option(names = "--json", description = "Write the listing, totals, largest entries and warnings as one JSON object to stdout.")
    boolean json;

    @Override
    public Integer call() {
        BuildContext context = BuildContext.scan(source.context, source.dockerfile());
        ContextSummary summary = ContextSummary.of(context);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonLine.of(summary.json(true)));
        } else {
            summary.printListing(out);
            summary.printTotals(out);
            context.skipped().forEach(name -> spec.commandLine().getErr().println("notice: \"" + name
                    + "\" is a socket: a build leaves it out (docker build too)"));
            summary.printWarnings(spec.commandLine().getErr());
        }
        out.flush();
        return 0;
    }
}
