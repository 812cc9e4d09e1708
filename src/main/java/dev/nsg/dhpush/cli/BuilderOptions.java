package dev.nsg.dhpush.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.app.BuilderChoice;
import dev.nsg.dhpush.buildkit.BuildSecret;
import picocli.CommandLine.Option;

/** Which builder builds, and what only BuildKit takes: secrets and the images to reuse cache from. */
class BuilderOptions {

    static final String BUILDER_VARIABLE = "DHPUSH_BUILDER";

    @Option(names = "--builder", paramLabel = "auto|buildkit|classic",
            description = "Builder: auto (BuildKit where the engine names it its default builder, as Docker 23 and later do;"
                    + " else the classic builder), buildkit or classic (default: $DHPUSH_BUILDER, else builder= in"
                    + " dhpush.properties, else auto).")
    String builder;

    @Option(names = "--secret", paramLabel = "id=ID,src=FILE|env=VAR",
            description = "A secret RUN --mount=type=secret,id=ID may read, from a file or an environment variable (buildx's"
                    + " syntax; type=file|env accepted); repeatable; BuildKit only. Never in the image, the output or the logs.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--cache-from", paramLabel = "REF",
            description = "An image whose inline build cache BuildKit may reuse (one pushed by dhpush carries it); repeatable.")
    List<String> cacheFrom = new ArrayList<>();

    /** --builder, else DHPUSH_BUILDER, else null: the project's settings or auto decide. */
    BuilderChoice builderChoice(Environment environment) {
        if (builder != null) {
            return new BuilderChoice(parse(builder, "--builder"), "--builder");
        }
        String variable = environment.get(BUILDER_VARIABLE);
        return variable == null ? null : new BuilderChoice(parse(variable, BUILDER_VARIABLE), BUILDER_VARIABLE);
    }

    private static BuilderChoice.Kind parse(String value, String where) {
        return BuilderChoice.parse(value).orElseThrow(() -> new UsageFailure("invalid " + where + " \"" + value
                + "\": not a builder", "write auto, buildkit or classic"));
    }

    /** Each --secret, checked now: a file that cannot be read or a variable that is not set stops the run before any work. */
    List<BuildSecret> secrets(Environment environment) {
        Map<String, BuildSecret> byId = new LinkedHashMap<>();
        for (String spec : secrets) {
            BuildSecret secret = secret(spec, environment);
            byId.put(secret.id(), secret);
        }
        return List.copyOf(byId.values());
    }

    private static BuildSecret secret(String spec, Environment environment) {
        String id = null;
        String type = null;
        String source = null;
        String variable = null;
        for (String field : spec.split(",")) {
            int equals = field.indexOf('=');
            String key = equals < 0 ? field.strip() : field.substring(0, equals).strip();
            String value = equals < 0 ? "" : field.substring(equals + 1);
            switch (key) {
                case "id" -> id = value;
                case "type" -> type = value;
                case "src", "source" -> source = value;
                case "env" -> variable = value;
                default -> throw invalidSecret(spec, "unknown field \"" + key + "\"");
            }
        }
        if (type != null && !type.equals("file") && !type.equals("env")) {
            throw invalidSecret(spec, "type is file or env");
        }
        if ("env".equals(type) && variable == null) {
            variable = source != null ? source : id;
            source = null;
        }
        if (id == null || id.isBlank()) {
            throw invalidSecret(spec, "it has no id");
        }
        if (source == null && variable == null) {
            variable = id; // as buildx: a secret named only by id comes from the variable of that name
        }
        if (source != null) {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw invalidSecret(spec, "the file " + source + " cannot be read");
            }
            return new BuildSecret(id, "file " + source, () -> read(file));
        }
        String value = environment.raw(variable);
        if (value == null) {
            throw invalidSecret(spec, "the variable " + variable + " is not set");
        }
        return new BuildSecret(id, "variable " + variable, () -> value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UsageFailure invalidSecret(String spec, String reason) {
        // The spec names ids, files and variables, never a value.
        return new UsageFailure("invalid --secret \"" + spec + "\": " + reason,
                "write --secret id=ID,src=FILE or --secret id=ID,env=VARIABLE");
    }

    /** Plain image references, or buildx's type=registry,ref=REF. */
    List<String> cacheFrom() {
        List<String> refs = new ArrayList<>();
        for (String spec : cacheFrom) {
            String ref = spec.strip();
            if (ref.contains("=")) {
                ref = null;
                boolean registry = true;
                for (String field : spec.split(",")) {
                    if (field.startsWith("ref=")) {
                        ref = field.substring(4).strip();
                    } else if (field.startsWith("type=") && !field.equals("type=registry")) {
                        registry = false;
                    }
                }
                if (!registry || ref == null) {
                    throw new UsageFailure("invalid --cache-from \"" + spec + "\": only images (type=registry) can be read through"
                            + " the engine", "write --cache-from REPOSITORY:TAG");
                }
            }
            if (ref.isEmpty() || ref.chars().anyMatch(Character::isWhitespace)) {
                throw new UsageFailure("invalid --cache-from \"" + spec + "\": not an image reference", "write --cache-from REPOSITORY:TAG");
            }
            refs.add(ref);
        }
        return refs;
    }
}
