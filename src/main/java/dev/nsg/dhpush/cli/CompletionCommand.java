package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dhpush completion bash|zsh}: the shell completion script picocli generates from the commands themselves. */
@Command(name = "completion", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Print the shell completion script for bash or zsh.",
        description = {"The script completes commands, options and their values. bash: add"
                + " 'source <(dhpush completion bash)' to ~/.bashrc, or save the output in"
                + " /etc/bash_completion.d/dhpush. zsh: add 'source <(dhpush completion zsh)' to ~/.zshrc (the script turns on"
                + " zsh's bashcompinit itself)."},
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", parameterListHeading = "%nShell:%n",
        optionListHeading = "%nOptions:%n")
class CompletionCommand implements Callable<Integer> {

    /** One script serves both: picocli's output detects zsh and loads its bash-completion layer. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
