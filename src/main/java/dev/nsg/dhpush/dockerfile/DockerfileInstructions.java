package dev.nsg.dhpush.dockerfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way the classic builder splits it: parser directives ({@code # escape=}), comments,
 * line continuations, then one instruction per logical line. Only as much as dhpush needs to see which ARGs,
 * ENVs and LABELs each stage declares; the engine remains the judge of what is valid.
 */
public final class DockerfileInstructions {

    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("(?i)^#\\s*escape\\s*=\\s*(\\S)\\s*$");
    private static final Pattern STEP = Pattern.compile("^\\[(?:(\\S+) )?(\\d+)/\\d+\\]");
    private static final java.util.Set<String> STEP_KEYWORDS = java.util.Set.of("RUN", "COPY", "ADD", "WORKDIR");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*[A-Za-z_]+\\s*=.*$");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*[\"']?[A-Za-z_]");
    /** A heredoc's terminating word: its body runs until a line that is just that word (BuildKit's parser). */
    private static final Pattern HEREDOC_WORD = Pattern.compile("<<(-?)\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    /** One instruction: its keyword in upper case and the rest of its logical line. */
    public record Instruction(String keyword, String arguments, int line) {
    }

    private final List<Instruction> instructions;
    private final char escape;
    private final boolean hasHeredoc;

    private DockerfileInstructions(List<Instruction> instructions, char escape, boolean hasHeredoc) {
        this.instructions = instructions;
        this.escape = escape;
        this.hasHeredoc = hasHeredoc;
    }

    /** Reads the Dockerfile at {@code file}; one that cannot be read reads as empty, and the engine then says why. */
    public static DockerfileInstructions read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return parse("");
        }
    }

    public static DockerfileInstructions parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        char escape = '\\';
        int first = 0;
        // Parser directives are only honoured before the first comment, blank line or instruction.
        while (first < lines.length && DIRECTIVE.matcher(lines[first].strip()).matches()) {
            Matcher directive = ESCAPE_DIRECTIVE.matcher(lines[first].strip());
            if (directive.matches() && (directive.group(1).equals("`") || directive.group(1).equals("\\"))) {
                escape = directive.group(1).charAt(0);
            }
            first++;
        }
        List<Instruction> instructions = new ArrayList<>();
        boolean hasHeredoc = false;
        StringBuilder logical = new StringBuilder();
        int start = -1;
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && logical.length() > 0)) {
                continue; // comments and blank lines inside a continued instruction are dropped, as the builder does
            }
            if (logical.length() == 0) {
                start = i + 1;
            }
            String trailing = line.stripTrailing();
            if (!trailing.isEmpty() && trailing.charAt(trailing.length() - 1) == escape) {
                logical.append(trailing, 0, trailing.length() - 1);
                continue;
            }
            logical.append(line);
            Instruction instruction = instruction(logical.toString(), start);
            logical.setLength(0);
            if (instruction != null) {
                boolean heredoc = HEREDOC.matcher(instruction.arguments()).find()
                        && (instruction.keyword().equals("RUN") || instruction.keyword().equals("COPY")
                                || instruction.keyword().equals("ADD"));
                hasHeredoc |= heredoc;
                instructions.add(instruction);
                if (heredoc) {
                    i = afterHeredocs(lines, i + 1, instruction.arguments()) - 1;
                }
            }
        }
        Instruction last = instruction(logical.toString(), start);
        if (last != null) {
            instructions.add(last);
        }
        return new DockerfileInstructions(List.copyOf(instructions), escape, hasHeredoc);
    }

    /** The index of the first line after the bodies of the heredocs an instruction opens, in order. */
    private static int afterHeredocs(String[] lines, int from, String arguments) {
        int next = from;
        Matcher word = HEREDOC_WORD.matcher(arguments);
        while (word.find()) {
            boolean tabsStripped = !word.group(1).isEmpty();
            while (next < lines.length) {
                String body = tabsStripped ? lines[next].replaceFirst("^\t+", "") : lines[next];
                next++;
                if (body.equals(word.group(2))) {
                    break;
                }
            }
        }
        return next;
    }

    private static Instruction instruction(String logicalLine, int lineNumber) {
        String line = logicalLine.strip();
        if (line.isEmpty()) {
            return null;
        }
        int space = 0;
        while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
            space++;
        }
        return new Instruction(line.substring(0, space).toUpperCase(Locale.ROOT), line.substring(space).strip(), lineNumber);
    }

    public List<Instruction> all() {
        return instructions;
    }

    public char escape() {
        return escape;
    }

    /** Whether a RUN, COPY or ADD has a heredoc ({@code RUN <<EOF}); its body is not read as instructions. */
    public boolean hasHeredoc() {
        return hasHeredoc;
    }

    /**
     * The instructions of the stage a build with {@code --target} (or, without it, the last stage) ends in,
     * from its FROM on; empty when there is no such stage.
     */
    public List<Instruction> finalStage(String target) {
        int start = -1;
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (!instruction.keyword().equals("FROM")) {
                continue;
            }
            if (target == null) {
                start = i;
            } else if (stageName(instruction.arguments()).equalsIgnoreCase(target)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return List.of();
        }
        int end = start + 1;
        while (end < instructions.size() && !instructions.get(end).keyword().equals("FROM")) {
            end++;
        }
        return instructions.subList(start, end);
    }

    /**
     * The line of the instruction BuildKit names a step after: {@code [2/3] RUN …} in a one-stage Dockerfile,
     * {@code [builder 2/5] …} or {@code [stage-1 2/5] …} in a stage (named, or by its index). BuildKit numbers only the
     * instructions that make a step of their own: the FROM of an image (not of scratch or an earlier stage), RUN, COPY,
     * ADD and WORKDIR.
     */
    public Optional<Integer> lineOfStep(String stepName) {
        Matcher step = STEP.matcher(stepName);
        if (!step.find()) {
            return Optional.empty();
        }
        String stage = step.group(1);
        int number = Integer.parseInt(step.group(2));
        List<String> stageNames = new ArrayList<>();
        List<Instruction> steps = null;
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                String name = stageName(instruction.arguments());
                boolean wanted = stage == null || stage.equalsIgnoreCase(name) || stage.equals("stage-" + stageNames.size());
                String base = baseName(instruction.arguments());
                stageNames.add(name.toLowerCase(Locale.ROOT));
                if (steps != null && stage != null) {
                    break;
                }
                steps = wanted ? new ArrayList<>() : (stage == null ? new ArrayList<>() : null);
                if (steps != null && !base.equalsIgnoreCase("scratch") && !stageNames.subList(0, stageNames.size() - 1).contains(base)) {
                    steps.add(instruction);
                }
            } else if (steps != null && STEP_KEYWORDS.contains(instruction.keyword())) {
                steps.add(instruction);
            }
        }
        if (steps == null || number < 1 || number > steps.size()) {
            return Optional.empty();
        }
        return Optional.of(steps.get(number - 1).line());
    }

    /** The image or stage a FROM starts from, its flags (--platform) left out. */
    private static String baseName(String fromArguments) {
        for (String word : fromArguments.split("\\s+")) {
            if (!word.startsWith("--")) {
                return word.toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static String stageName(String fromArguments) {
        String[] words = fromArguments.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equalsIgnoreCase("AS")) {
                return words[i + 1];
            }
        }
        return "";
    }
}
