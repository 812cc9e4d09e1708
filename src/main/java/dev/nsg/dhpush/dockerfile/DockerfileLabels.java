package dev.nsg.dhpush.dockerfile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nsg.dhpush.dockerfile.DockerfileInstructions.Instruction;

/**
 * Which of dhpush's labels the Dockerfile's final stage already sets to the very same value, literally or from a
 * build arg dhpush passes. The classic builder turns every entry of the engine's {@code labels} parameter into a
 * LABEL step of its own (a container created and committed, about 0.2 s each), so sending a label the Dockerfile
 * sets anyway only costs time. Whatever dhpush cannot be sure of stays in the parameter.
 */
public final class DockerfileLabels {

    private static final Pattern SINGLE_REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    /** A label value as the Dockerfile writes it: a literal, one build arg, or something dhpush does not resolve. */
    private record Value(String literal, String argument) {
        static final Value UNKNOWN = new Value(null, null);
    }

    private DockerfileLabels() {
    }

    /**
     * The keys of {@code labels} the final stage (or {@code target}) sets itself to the same value, given the build
     * args the engine receives.
     */
    public static Set<String> alreadySet(DockerfileInstructions dockerfile, String target, Map<String, String> labels,
            Map<String, String> buildArgs) {
        if (dockerfile.hasHeredoc()) {
            return Set.of();
        }
        Map<String, Value> stageLabels = stageLabels(dockerfile.finalStage(target), dockerfile.escape());
        Set<String> same = new LinkedHashSet<>();
        labels.forEach((key, value) -> {
            Value set = stageLabels.get(key);
            if (set == null) {
                return;
            }
            boolean literal = set.literal() != null && set.literal().equals(value);
            boolean fromArgument = set.argument() != null && value.equals(buildArgs.get(set.argument()));
            if (literal || fromArgument) {
                same.add(key);
            }
        });
        return same;
    }

    /**
     * The literal value the final stage (or {@code target}) gives a label, or empty when it sets none, sets it from a
     * variable, or the Dockerfile holds what dhpush does not read (heredocs).
     */
    public static Optional<String> literal(DockerfileInstructions dockerfile, String target, String key) {
        if (dockerfile.hasHeredoc()) {
            return Optional.empty();
        }
        Value value = stageLabels(dockerfile.finalStage(target), dockerfile.escape()).get(key);
        return value == null ? Optional.empty() : Optional.ofNullable(value.literal());
    }

    /** The last value each label gets in the stage; a build arg counts only while no ENV of its name shadows it. */
    private static Map<String, Value> stageLabels(List<Instruction> stage, char escape) {
        Set<String> arguments = new HashSet<>();
        Set<String> environment = new HashSet<>();
        Map<String, Value> labels = new HashMap<>();
        for (Instruction instruction : stage) {
            switch (instruction.keyword()) {
                case "ARG" -> {
                    arguments.addAll(DockerfileWords.argumentNames(instruction.arguments(), escape));
                }
                case "ENV" -> {
                    for (String[] pair : DockerfileWords.pairs(instruction.arguments(), escape)) {
                        environment.add(DockerfileWords.unquote(pair[0], escape));
                    }
                }
                case "LABEL" -> {
                    for (String[] pair : DockerfileWords.pairs(instruction.arguments(), escape)) {
                        labels.put(DockerfileWords.unquote(pair[0], escape), value(pair[1], escape, arguments, environment));
                    }
                }
                default -> {
                }
            }
        }
        return labels;
    }

    private static Value value(String raw, char escape, Set<String> arguments, Set<String> environment) {
        if (raw == null) {
            return Value.UNKNOWN;
        }
        if (raw.matches("'[^']*'")) {
            return new Value(raw.substring(1, raw.length() - 1), null); // single quotes expand nothing
        }
        String inner = raw.startsWith("\"") && raw.endsWith("\"") && raw.length() >= 2 ? raw.substring(1, raw.length() - 1) : raw;
        Matcher reference = SINGLE_REFERENCE.matcher(inner);
        if (reference.matches()) {
            String name = reference.group(1) != null ? reference.group(1) : reference.group(2);
            // An ENV (here or in the base image, which dhpush cannot see) wins over a build arg of the same name.
            boolean usable = arguments.contains(name) && !environment.contains(name);
            return usable ? new Value(null, name) : Value.UNKNOWN;
        }
        if (inner.indexOf('$') >= 0) {
            return Value.UNKNOWN;
        }
        return new Value(DockerfileWords.unquote(raw, escape), null);
    }
}
