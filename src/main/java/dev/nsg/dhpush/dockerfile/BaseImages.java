package dev.nsg.dhpush.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a Dockerfile's FROM lines name, as the builder resolves them: ARGs declared before the first FROM
 * (their defaults, overridden by --build-arg) substituted; {@code scratch} and earlier stages left out.
 */
public final class BaseImages {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private BaseImages() {
    }

    /** Each distinct base image in FROM order, with {@code present} still false. */
    public static List<BaseImage> named(DockerfileInstructions dockerfile, Map<String, String> buildArgs) {
        Map<String, String> globalArgs = new HashMap<>();
        Set<String> stages = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<BaseImage> images = new ArrayList<>();
        boolean beforeFirstFrom = true;
        for (DockerfileInstructions.Instruction instruction : dockerfile.all()) {
            if (beforeFirstFrom && instruction.keyword().equals("ARG")) {
                declare(instruction.arguments(), buildArgs, globalArgs);
                continue;
            }
            if (!instruction.keyword().equals("FROM")) {
                continue;
            }
            beforeFirstFrom = false;
            String[] words = instruction.arguments().split("\\s+");
            String image = null;
            String stage = null;
            for (int i = 0; i < words.length; i++) {
                if (image == null && !words[i].startsWith("--")) {
                    image = words[i];
                } else if (image != null && words[i].equalsIgnoreCase("AS") && i + 1 < words.length) {
                    stage = words[i + 1].toLowerCase(Locale.ROOT);
                }
            }
            if (image == null) {
                continue;
            }
            boolean[] resolved = {true};
            String name = substitute(image, globalArgs, resolved);
            boolean earlierStage = stages.contains(name.toLowerCase(Locale.ROOT));
            if (!name.equalsIgnoreCase("scratch") && !earlierStage && seen.add(name)) {
                images.add(new BaseImage(resolved[0] ? name : image, resolved[0], false));
            }
            if (stage != null) {
                stages.add(stage);
            }
        }
        return images;
    }

    private static void declare(String arguments, Map<String, String> buildArgs, Map<String, String> globalArgs) {
        for (String declaration : arguments.split("\\s+")) {
            int equals = declaration.indexOf('=');
            String key = equals < 0 ? declaration : declaration.substring(0, equals);
            String value = equals < 0 ? null : unquote(declaration.substring(equals + 1));
            if (buildArgs.containsKey(key)) {
                value = buildArgs.get(key);
            }
            if (value != null) {
                globalArgs.put(key, value);
            }
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String substitute(String text, Map<String, String> args, boolean[] resolved) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String key = variable.group(1) != null ? variable.group(1) : variable.group(3);
            String value = args.get(key);
            if (value == null && variable.group(2) != null && variable.group(0).contains("-")) {
                value = variable.group(2);
            }
            if (value == null) {
                resolved[0] = false;
                value = "";
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString();
    }
}
