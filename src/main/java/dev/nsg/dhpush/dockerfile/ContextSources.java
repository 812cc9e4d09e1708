package dev.nsg.dhpush.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.dockerfile.DockerfileInstructions.Instruction;

/**
 * The paths of the build context a BuildKit build reads, as its Dockerfile frontend works them out before it asks the
 * session for the context ({@code followpaths}): the sources of COPY and ADD (without {@code --from}) in the stages
 * the target needs, each cleaned as a path from the context's root. A source that is the whole context ({@code .}),
 * or one dhpush cannot resolve here (a variable), means the whole context.
 */
public final class ContextSources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContextSources() {
    }

    /** The paths the build reads, or empty when it reads the whole context. */
    public static Optional<List<String>> of(DockerfileInstructions dockerfile, String target) {
        List<List<Instruction>> stages = stages(dockerfile.all());
        Set<Integer> needed = needed(stages, target);
        Set<String> paths = new LinkedHashSet<>();
        for (int index : needed) {
            for (Instruction instruction : stages.get(index)) {
                Optional<List<String>> sources = switch (instruction.keyword()) {
                    case "COPY", "ADD" -> sources(instruction, dockerfile.escape());
                    case "RUN" -> Optional.of(bindMounts(instruction));
                    default -> Optional.of(List.of());
                };
                if (sources.isEmpty()) {
                    return Optional.empty();
                }
                for (String source : sources.get()) {
                    String clean = clean(source);
                    if (clean.isEmpty() || source.contains("$")) {
                        return Optional.empty();
                    }
                    paths.add(clean);
                }
            }
        }
        return Optional.of(List.copyOf(paths));
    }

    /** The context sources of one COPY or ADD; none for {@code --from}, heredocs and URLs; empty when unreadable. */
    private static Optional<List<String>> sources(Instruction instruction, char escape) {
        String arguments = instruction.arguments();
        List<String> words = new ArrayList<>(DockerfileWords.split(arguments, escape));
        while (!words.isEmpty() && words.get(0).startsWith("--")) {
            if (words.get(0).startsWith("--from=")) {
                return Optional.of(List.of());
            }
            words.remove(0);
        }
        String rest = String.join(" ", words).strip();
        List<String> all;
        if (rest.startsWith("[")) {
            try {
                all = JSON.readValue(rest, new TypeReference<List<String>>() { });
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        } else {
            all = words.stream().map(word -> DockerfileWords.unquote(word, escape)).toList();
        }
        if (all.size() < 2) {
            return Optional.empty();
        }
        List<String> sources = new ArrayList<>();
        for (String source : all.subList(0, all.size() - 1)) {
            if (source.startsWith("<<")) {
                continue; // a heredoc: its content is in the Dockerfile
            }
            if (source.matches("(?i)^(https?|git)://.*") || source.startsWith("git@")) {
                continue; // fetched by the daemon itself
            }
            sources.add(source);
        }
        return Optional.of(sources);
    }

    /** The context paths a RUN bind-mounts ({@code --mount=type=bind,source=…} without {@code from}; bind is the default). */
    private static List<String> bindMounts(Instruction instruction) {
        List<String> sources = new ArrayList<>();
        for (String word : instruction.arguments().split("\\s+")) {
            if (!word.startsWith("--mount=")) {
                continue;
            }
            String type = "bind";
            String source = ".";
            boolean fromStage = false;
            for (String field : word.substring("--mount=".length()).split(",")) {
                if (field.startsWith("type=")) {
                    type = field.substring("type=".length());
                } else if (field.startsWith("source=") || field.startsWith("src=")) {
                    source = field.substring(field.indexOf('=') + 1);
                } else if (field.startsWith("from=")) {
                    fromStage = true;
                }
            }
            if (type.equals("bind") && !fromStage) {
                sources.add(source);
            }
        }
        return sources;
    }

    /** As path.Join("/", source) then without its leading '/': "" for the whole context. */
    private static String clean(String source) {
        PathParts parts = new PathParts();
        for (String part : source.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pop();
            } else {
                parts.push(part);
            }
        }
        return parts.joined();
    }

    private static List<List<Instruction>> stages(List<Instruction> instructions) {
        List<List<Instruction>> stages = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).add(instruction);
            }
        }
        return stages;
    }

    /** The target stage (else the last) and every stage it builds on or copies from, by index. */
    private static Set<Integer> needed(List<List<Instruction>> stages, String target) {
        List<String> names = stages.stream().map(stage -> name(stage.get(0))).toList();
        int start = stages.size() - 1;
        if (target != null) {
            start = names.indexOf(target.toLowerCase(Locale.ROOT));
        }
        Set<Integer> needed = new LinkedHashSet<>();
        List<Integer> todo = new ArrayList<>();
        if (start >= 0) {
            todo.add(start);
        }
        while (!todo.isEmpty()) {
            int index = todo.remove(todo.size() - 1);
            if (!needed.add(index)) {
                continue;
            }
            for (Instruction instruction : stages.get(index)) {
                for (String reference : references(instruction)) {
                    int named = names.subList(0, index).indexOf(reference.toLowerCase(Locale.ROOT));
                    if (named >= 0) {
                        todo.add(named);
                    } else if (reference.matches("\\d+") && Integer.parseInt(reference) < index) {
                        todo.add(Integer.parseInt(reference));
                    }
                }
            }
        }
        return needed;
    }

    /** The stages an instruction may name: a FROM's base, COPY --from=, RUN --mount=…,from=. */
    private static List<String> references(Instruction instruction) {
        List<String> references = new ArrayList<>();
        for (String word : instruction.arguments().split("\\s+")) {
            if (word.startsWith("--from=")) {
                references.add(word.substring("--from=".length()));
            } else if (word.startsWith("--mount=")) {
                for (String field : word.substring("--mount=".length()).split(",")) {
                    if (field.startsWith("from=")) {
                        references.add(field.substring("from=".length()));
                    }
                }
            }
        }
        if (instruction.keyword().equals("FROM")) {
            for (String word : instruction.arguments().split("\\s+")) {
                if (!word.startsWith("--")) {
                    references.add(word);
                    break;
                }
            }
        }
        return references;
    }

    private static String name(Instruction from) {
        String[] words = from.arguments().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equalsIgnoreCase("AS")) {
                return words[i + 1].toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    /** Path components with '..' popping one. */
    private static final class PathParts {
        private final List<String> parts = new ArrayList<>();

        void push(String part) {
            parts.add(part);
        }

        void pop() {
            if (!parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            }
        }

        String joined() {
            return String.join("/", parts);
        }
    }
}
