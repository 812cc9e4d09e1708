package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Help as each command shows it: its own words for shared options, and paths and URLs never split across lines. */
class HelpTextsTest {

    /** A path, URL, address or file name: a word with '/', "://", a host:port or an extension. */
    private static final Pattern PATH_LIKE = Pattern.compile("[^\\s()'\",;]*(?:/|:\\d|\\.[a-z]{2,5}\\b)[^\\s()'\",;]*");

    private static CommandLine commandLine(int width) {
        CommandLine commandLine = new CommandLine(DhpushCommand.class);
        CommandLineProducer.describe(commandLine);
        commandLine.setUsageHelpWidth(width);
        commandLine.setUsageHelpAutoWidth(false);
        return commandLine;
    }

    private static String description(String command, String option) {
        CommandLine root = commandLine(80);
        CommandLine target = command.isEmpty() ? root : root.getSubcommands().get(command);
        OptionSpec spec = target.getCommandSpec().findOption(option);
        return String.join(" ", spec.description());
    }

    @Test
    void sharedOptions_sayWhatTheyDoInEachCommand() {
        assertTrue(description("verify", "--tag").startsWith("Tag to check on the registry"), description("verify", "--tag"));
        assertTrue(description("build", "--tag").startsWith("Tag to give the built image"), description("build", "--tag"));
        assertTrue(description("", "--tag").startsWith("Tag to build, push and verify"), description("", "--tag"));
        assertTrue(description("tags", "--registry").startsWith("Registry to list the tags of"), description("tags", "--registry"));
        assertTrue(description("push", "--registry").startsWith("Registry to push to"), description("push", "--registry"));
        assertTrue(description("doctor", "--latest").startsWith("Also look up the tag latest"), description("doctor", "--latest"));
        Set<String> tagTexts = new LinkedHashSet<>();
        for (String command : List.of("", "build", "push", "verify", "doctor")) {
            tagTexts.add(description(command, "--tag"));
        }
        assertEquals(5, tagTexts.size(), "each command describes --tag its own way: " + tagTexts);
    }

    /** Every path-like word of every command's help appears whole in the help printed at this width. */
    @ParameterizedTest
    @ValueSource(ints = {55, 80, 100, 120})
    void help_neverBreaksALineInsideAPathOrUrl(int width) {
        CommandLine root = commandLine(width);
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        commands.addAll(root.getSubcommands().values());
        for (CommandLine command : commands) {
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            // The words as written, before any wrapping: descriptions, header and footer.
            List<String> texts = new ArrayList<>();
            command.getCommandSpec().options().forEach(option -> texts.addAll(List.of(option.description())));
            texts.addAll(List.of(command.getCommandSpec().usageMessage().description()));
            texts.addAll(List.of(command.getCommandSpec().usageMessage().header()));
            texts.addAll(List.of(command.getCommandSpec().usageMessage().footer()));
            Matcher word = PATH_LIKE.matcher(String.join(" ", texts));
            while (word.find()) {
                String path = word.group().replaceAll("[.:]$", "");
                assertTrue(usage.contains(path), "help of " + command.getCommandName() + " at width " + width + " splits " + path
                        + ":\n" + usage);
            }
        }
    }
}
