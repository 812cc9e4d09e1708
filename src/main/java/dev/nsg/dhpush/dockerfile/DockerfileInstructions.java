package dev.nsg.dhpush.dockerfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way the classic builder splits it: parser directives ({@code # escape=}), comments,
 * line continuations, then one instruction per logical line. Only as much as dhpush needs to see which ARGs,
 * ENVs and LABELs each stage declares; the engine remains the judge of what is valid.
 */
public final class DockerfileInstructions {

    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("(?i)^#\\s*escape\\s*=\\s*(\\S)\\s*$");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*[A-Za-z_]+\\s*=.*$");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*[\"']?[A-Za-z_]");

    /** One instruction: its keyword in upper case and the rest of its logical line. */
    public record Instruction(String keyword, String arguments) {
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
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && logical.length() > 0)) {
                continue; // comments and blank lines inside a continued instruction are dropped, as the builder does
            }
            String trailing = line.stripTrailing();
            if (!trailing.isEmpty() && trailing.charAt(trailing.length() - 1) == escape) {
                logical.append(trailing, 0, trailing.length() - 1);
                continue;
            }
            logical.append(line);
            Instruction instruction = instruction(logical.toString());
            logical.setLength(0);
            if (instruction != null) {
                hasHeredoc |= HEREDOC.matcher(instruction.arguments()).find()
                        && (instruction.keyword().equals("RUN") || instruction.keyword().equals("COPY")
                                || instruction.keyword().equals("ADD"));
                instructions.add(instruction);
            }
        }
        Instruction last = instruction(logical.toString());
        if (last != null) {
            instructions.add(last);
        }
        return new DockerfileInstructions(List.copyOf(instructions), escape, hasHeredoc);
    }

    private static Instruction instruction(String logicalLine) {
        String line = logicalLine.strip();
        if (line.isEmpty()) {
            return null;
        }
        int space = 0;
        while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
            space++;
        }
        return new Instruction(line.substring(0, space).toUpperCase(Locale.ROOT), line.substring(space).strip());
    }

    public List<Instruction> all() {
        return instructions;
    }

    public char escape() {
        return escape;
    }

    /**
     * Heredocs ({@code RUN <<EOF}) hold lines that only look like instructions; a Dockerfile with one is not
     * read further by dhpush.
     */
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
