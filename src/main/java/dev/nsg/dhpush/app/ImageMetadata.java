package dev.nsg.dhpush.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import dev.nsg.dhpush.dockerfile.DockerfileInstructions;
import dev.nsg.dhpush.dockerfile.DockerfileWords;

/**
 * The OCI annotations dhpush fills in on every image (version, revision, created, source, title), from the
 * pipeline's variables or the git checkout, and the Dockerfile build args that carry the same values.
 */
final class ImageMetadata {

    static final String PREFIX = "org.opencontainers.image.";
    /** Build args dhpush sets when the Dockerfile declares them, so the app can show what it was built as. */
    private static final Map<String, String> BUILD_ARGS = Map.of("VERSION", "version", "REVISION", "revision",
            "CREATED", "created", "SOURCE", "source");

    private ImageMetadata() {
    }

    /** The automatic labels; {@code --label} values are laid over them by the caller. */
    static Map<String, String> labels(String title, String version, SourceInfo source, Path contextDir, Clock clock) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PREFIX + "title", title);
        if (version != null) { // doctor without a tag: no version to name
            labels.put(PREFIX + "version", version);
        }
        revision(source, contextDir).ifPresent(revision -> labels.put(PREFIX + "revision", revision));
        labels.put(PREFIX + "created", created(source, contextDir, clock).toString());
        origin(source, contextDir).ifPresent(origin -> labels.put(PREFIX + "source", origin));
        return labels;
    }

    /** VERSION, REVISION, CREATED and SOURCE for the ARGs the Dockerfile declares, from the final labels. */
    static Map<String, String> buildArgs(DockerfileInstructions dockerfile, Map<String, String> labels) {
        Map<String, String> args = new LinkedHashMap<>();
        for (DockerfileInstructions.Instruction instruction : dockerfile.all()) {
            if (!instruction.keyword().equals("ARG")) {
                continue;
            }
            for (String name : DockerfileWords.argumentNames(instruction.arguments(), dockerfile.escape())) {
                String label = BUILD_ARGS.get(name);
                if (label != null && labels.containsKey(PREFIX + label)) {
                    args.put(name, labels.get(PREFIX + label));
                }
            }
        }
        return args;
    }

    /**
     * The given epoch (SOURCE_DATE_EPOCH, the reproducible-builds convention), else the time of the commit being built,
     * else now. A
     * label that changed every second would make every build of the same commit miss the build cache from its first
     * label on, and the engine records the actual build time in the image config anyway.
     */
    static Instant created(SourceInfo source, Path contextDir, Clock clock) {
        String epoch = source.sourceDateEpoch();
        Optional<String> seconds = epoch != null && epoch.strip().matches("\\d{1,12}")
                ? Optional.of(epoch.strip())
                : git(contextDir, "log", "-1", "--format=%ct").filter(out -> out.matches("\\d{1,12}"));
        return seconds.map(Long::parseLong).map(Instant::ofEpochSecond)
                .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    private static Optional<String> revision(SourceInfo source, Path contextDir) {
        String commit = source.revision();
        if (commit != null && !commit.isBlank()) {
            return Optional.of(commit.trim());
        }
        return git(contextDir, "rev-parse", "HEAD");
    }

    private static Optional<String> origin(SourceInfo source, Path contextDir) {
        String origin = source.origin();
        if (origin == null || origin.isBlank()) {
            origin = git(contextDir, "remote", "get-url", "origin").orElse(null);
        }
        return Optional.ofNullable(origin).map(ImageMetadata::withoutCredentials);
    }

    /** A remote URL may carry a token (https://user:token@host/…): it must never end up in an image label. */
    static String withoutCredentials(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getRawUserInfo() != null && uri.getHost() != null) {
                return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
            }
        } catch (URISyntaxException notAUri) {
            // scp-like git@host:path remotes carry no secret
        }
        return url.trim();
    }

    private static Optional<String> git(Path directory, String... arguments) {
        String[] command = new String[arguments.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = directory.toString();
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine: the label is simply left out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static String titleOf(String repositoryPath) {
        return repositoryPath.substring(repositoryPath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
