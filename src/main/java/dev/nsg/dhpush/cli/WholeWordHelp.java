package dev.nsg.dhpush.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help wrapped at spaces only. picocli wraps with the JDK's line BreakIterator, which breaks after ':', '.' and
 * '/' ({@code unix:} / {@code ///var/run/docker.} / {@code sock}), so a path or URL near the end of a line was split
 * and could not be copied. Each section is rendered by picocli on one line per row (an unbounded width), then
 * wrapped here at the real width, keeping picocli's hanging indents; a word longer than a line stays whole.
 */
final class WholeWordHelp implements IHelpSectionRenderer {

    /** How a section's rows continue on the next line. */
    private enum Shape {
        /** Under the first option, after the command name. */
        SYNOPSIS,
        /** Two columns: under the description column, two further in (picocli's own indent for wrapped rows). */
        TABLE,
        /** Under the paragraph's own start. */
        PARAGRAPH
    }

    /** Wider than any paragraph of dhpush's help; picocli allocates each table cell at the full width, so not more. */
    private static final int UNBOUNDED = 4_000;
    private static final String WIDTH_PROPERTY = "picocli.usage.width";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern COLUMN_GAP = Pattern.compile("\\S( {2,})\\S");

    private final IHelpSectionRenderer picocli;
    private final Shape shape;

    private WholeWordHelp(IHelpSectionRenderer picocli, Shape shape) {
        this.picocli = picocli;
        this.shape = shape;
    }

    /** Puts the whole-word renderer in front of picocli's for every section that wraps, in this command and below. */
    static void install(CommandLine command) {
        Map<String, IHelpSectionRenderer> sections = command.getHelpSectionMap();
        wrap(sections, UsageMessageSpec.SECTION_KEY_HEADER, Shape.PARAGRAPH);
        wrap(sections, UsageMessageSpec.SECTION_KEY_SYNOPSIS, Shape.SYNOPSIS);
        wrap(sections, UsageMessageSpec.SECTION_KEY_DESCRIPTION, Shape.PARAGRAPH);
        wrap(sections, UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, Shape.TABLE);
        wrap(sections, UsageMessageSpec.SECTION_KEY_OPTION_LIST, Shape.TABLE);
        wrap(sections, UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Shape.TABLE);
        wrap(sections, UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST, Shape.TABLE);
        wrap(sections, UsageMessageSpec.SECTION_KEY_FOOTER, Shape.PARAGRAPH);
        command.setHelpSectionMap(sections);
        command.getSubcommands().values().forEach(WholeWordHelp::install);
    }

    private static void wrap(Map<String, IHelpSectionRenderer> sections, String key, Shape shape) {
        IHelpSectionRenderer original = sections.get(key);
        if (original != null && !(original instanceof WholeWordHelp)) {
            sections.put(key, new WholeWordHelp(original, shape));
        }
    }

    @Override
    public String render(Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        int width = usage.width();
        boolean autoWidth = usage.autoWidth();
        // picocli's own width property would win over the unbounded width: it is set aside while picocli renders.
        String widthProperty = System.clearProperty(WIDTH_PROPERTY);
        String unwrapped;
        try {
            usage.autoWidth(false).width(UNBOUNDED);
            unwrapped = picocli.render(unbounded(help));
        } finally {
            usage.width(width).autoWidth(autoWidth);
            if (widthProperty != null) {
                System.setProperty(WIDTH_PROPERTY, widthProperty);
            }
        }
        // The synopsis follows its heading ("Usage: ") on the same line: wrapped as if the heading were spaces.
        String heading = shape == Shape.SYNOPSIS ? String.format(usage.synopsisHeading()) : "";
        int offset = heading.length() - heading.lastIndexOf('\n') - 1;
        StringBuilder out = new StringBuilder();
        String commandName = help.commandSpec().qualifiedName();
        String[] lines = unwrapped.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            wrapLine(" ".repeat(i == 0 ? offset : 0) + lines[i], width, commandName, out);
        }
        return out.substring(offset);
    }

    /** One unbounded Help per usage message: picocli hands every section of one message the same Help. */
    private static Help unboundedFor;
    private static Help unbounded;

    private static synchronized Help unbounded(Help help) {
        if (unboundedFor != help) {
            unbounded = new Help(help.commandSpec(), help.colorScheme());
            unboundedFor = help;
        }
        return unbounded;
    }

    private void wrapLine(String line, int width, String commandName, StringBuilder out) {
        String plain = ANSI.matcher(line).replaceAll("");
        if (plain.length() <= width) {
            out.append(line);
            return;
        }
        int leading = plain.length() - plain.stripLeading().length();
        int start = leading;
        int indent = leading;
        if (shape == Shape.TABLE) {
            var gap = COLUMN_GAP.matcher(plain);
            start = gap.find() ? gap.end() - 1 : leading;
            indent = start + 2;
        } else if (shape == Shape.SYNOPSIS) {
            int name = plain.indexOf(commandName);
            start = name < 0 ? leading : Math.min(plain.length(), name + commandName.length() + 1);
            indent = start;
        }
        List<String> words = words(line, start, plain);
        StringBuilder current = new StringBuilder(words.get(0));
        int currentLength = visible(words.get(0));
        for (String word : words.subList(1, words.size())) {
            int length = visible(word);
            if (currentLength + 1 + length > width && currentLength > indent) {
                out.append(current).append('\n');
                current.setLength(0);
                current.append(" ".repeat(indent)).append(word);
                currentLength = indent + length;
            } else {
                current.append(' ').append(word);
                currentLength += 1 + length;
            }
        }
        out.append(current);
    }

    /**
     * The line's first piece (everything before the column where wrapping may start, plus that column's first
     * word), then each further space-separated word.
     */
    private static List<String> words(String line, int start, String plain) {
        // Map the plain column back into the line with its colour codes.
        int raw = 0;
        for (int seen = 0; raw < line.length() && seen < start; raw++) {
            if (line.charAt(raw) == '\u001B') {
                while (raw < line.length() && line.charAt(raw) != 'm') {
                    raw++;
                }
            } else {
                seen++;
            }
        }
        List<String> words = new ArrayList<>();
        String rest = line.substring(raw);
        int firstSpace = rest.indexOf(' ');
        words.add(line.substring(0, raw) + (firstSpace < 0 ? rest : rest.substring(0, firstSpace)));
        if (firstSpace >= 0) {
            for (String word : rest.substring(firstSpace + 1).split(" ")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    private static int visible(String text) {
        return ANSI.matcher(text).replaceAll("").length();
    }
}
