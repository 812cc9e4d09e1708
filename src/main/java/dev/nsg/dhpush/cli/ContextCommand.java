package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.nsg.dhpush.buildkit.ContextSync;
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
                + " node_modules) and the .dockerignore line that would leave it out.",
                "",
                "Then what a BuildKit build is asked for instead: only the paths the Dockerfile's COPY and ADD read (the"
                + " followed paths, or the whole context), minus what .dockerignore excludes, entry by entry; a first build"
                + " sends every file listed there, a later one only what changed."},
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n")
class ContextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions source;

    @Option(names = "--target", paramLabel = "STAGE",
            description = "For the BuildKit view: the stage a build would stop at (as --target on a build), so only the paths"
                    + " the stages it needs read are listed.")
    String target;

    @Option(names = "--json", description = "Write the listing, totals, largest entries and warnings as one JSON object to stdout.")
    boolean json;

    @Override
    public Integer call() {
        BuildContext context = BuildContext.scan(source.context, source.dockerfile());
        ContextSummary summary = ContextSummary.of(context);
        ContextSync.View buildKit = ContextSync.forBuild(context.directory(), context.dockerfile(), target);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> object = summary.json(true);
            object.put("buildkit", BuildKitContextView.json(buildKit));
            out.println(JsonLine.of(object));
        } else {
            summary.printListing(out);
            summary.printTotals(out);
            BuildKitContextView.print(buildKit, out);
            context.skipped().forEach(name -> spec.commandLine().getErr().println("notice: \"" + name
                    + "\" is a socket: a build leaves it out (docker build too)"));
            summary.printWarnings(spec.commandLine().getErr());
        }
        out.flush();
        return 0;
    }
}
