package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.BuildFailedException.Reason;
import dev.nsg.dhpush.failure.RegistryUnavailableException;

/**
 * The classic builder's answer to {@code POST /build}: a refusal before the build starts, or a JSON-lines stream whose
 * every line is read, with output handed on as it comes, a failed step's last lines kept, and the image ID at the end.
 */
final class BuildStream {

    private static final int STEP_OUTPUT_LINES = 20;
    /** The builder's own line after a step, not the step's output. */
    private static final String BUILDER_CLEAN_UP = "Removing intermediate container ";
    /**
     * moby's Dockerfile parser (frontend/dockerfile/parser): "dockerfile parse error line 3: unknown instruction: FOO" up
     * to Docker 20.10; "dockerfile parse error on line 3: unknown instruction: FOO (did you mean …?)" from Docker 23 on.
     */
    private static final Pattern PARSE_ERROR = Pattern.compile("^dockerfile parse error (?:on )?line (\\d+): (.*)$", Pattern.DOTALL);
    /** The classic builder's answer to a --target that names no stage (builder/dockerfile/builder.go). */
    private static final Pattern NO_TARGET = Pattern.compile("^failed to reach build target (.+) in Dockerfile$");
    /** The classic builder on an instruction flag only BuildKit has (RUN --mount, COPY --chmod): in the stream. */
    private static final Pattern REQUIRES_BUILDKIT = Pattern.compile("^the (--[a-z-]+) option requires BuildKit\\..*", Pattern.DOTALL);
    /** …or, for newer flags, its parser's refusal: "Unknown flag: link". */
    private static final Pattern UNKNOWN_FLAG = Pattern.compile("^Unknown flag: ([a-z-]+)$");
    private static final Set<String> BUILDKIT_FLAGS = Set.of("link", "checksum", "parents", "exclude", "network", "security",
            "mount", "chmod", "keep-git-dir", "device");
    /** An engine authorization plugin's refusal (Bitbucket's docker service runs one named "pipelines"). */
    static final Pattern PLUGIN_DENIED = Pattern.compile("^authorization denied by plugin ([^:]+): (.*)$", Pattern.DOTALL);

    private final String image;
    private final Path dockerfile;
    private final EngineProgress progress;
    private final List<String> stepOutput = new ArrayList<>();
    private String step;

    BuildStream(String image, Path dockerfile, EngineProgress progress) {
        this.image = image;
        this.dockerfile = dockerfile;
        this.progress = progress;
    }

    /** The engine refused the build request itself (HTTP 4xx/5xx): a Dockerfile it cannot parse, a missing stage. */
    BuildFailedException refused(String engineMessage) {
        String text = engineMessage.strip();
        Matcher parse = PARSE_ERROR.matcher(text);
        if (parse.matches()) {
            int line = Integer.parseInt(parse.group(1));
            Matcher flag = UNKNOWN_FLAG.matcher(parse.group(2).strip());
            if (flag.matches() && BUILDKIT_FLAGS.contains(flag.group(1))) {
                return failure(Reason.BUILDKIT_ONLY, "--" + flag.group(1), "build " + image + ": " + dockerfile + " line " + line
                        + ": --" + flag.group(1) + " needs BuildKit, and the classic builder does not know it", line);
            }
            return failure(Reason.DOCKERFILE, null, "build " + image + ": " + dockerfile + " line " + line + ": " + parse.group(2), line);
        }
        Matcher target = NO_TARGET.matcher(text);
        if (target.matches()) {
            return failure(Reason.TARGET, null, "build " + image + ": " + dockerfile + " has no stage named " + target.group(1), null);
        }
        Matcher denied = PLUGIN_DENIED.matcher(text);
        if (denied.matches()) {
            return refusedByPlugin(denied, "the build");
        }
        return failure(Reason.REFUSED, null, "build " + image + ": the engine refused the build: " + engineMessage, null);
    }

    /** A failure inside the stream: a BuildKit-only flag, a refusal by policy, a base image rate-limited, or a step. */
    private RuntimeException streamFailure(String engineMessage) {
        String text = engineMessage.strip();
        Matcher buildKit = REQUIRES_BUILDKIT.matcher(text);
        if (buildKit.matches()) {
            return failure(Reason.BUILDKIT_ONLY, buildKit.group(1), "build " + image + ": " + text, null);
        }
        Matcher denied = PLUGIN_DENIED.matcher(text);
        if (denied.matches()) {
            return refusedByPlugin(denied, "a step");
        }
        if ("TOOMANYREQUESTS".equals(RelayedError.parse(text).registryCode())) {
            // A base image's registry rate-limited the engine's pull: the registry was the problem, not the build.
            return new RegistryUnavailableException(RegistryUnavailableException.Reason.RATE_LIMITED, null, null,
                    "build " + image + ": pulling a base image: " + text, null);
        }
        return failure(Reason.STEP, null, "build " + image + ": " + text, null);
    }

    /** Reads the stream to its end; returns the image ID. */
    String read(InputStream body, ObjectMapper json) throws IOException {
        JsonMessageReader reader = new JsonMessageReader(body, json);
        String imageId = null;
        for (JsonMessage message = reader.next(); message != null; message = reader.next()) {
            if (message.isError()) {
                throw streamFailure(message.errorMessage());
            }
            if (message.stream() != null) {
                progress.buildOutput(message.stream());
                remember(message.stream());
            } else if (message.status() != null) {
                progress.status(message.status());
            }
            if (message.aux() != null && message.aux().hasNonNull("ID")) {
                imageId = message.aux().get("ID").asText();
            }
        }
        if (imageId == null) {
            throw failure(Reason.NO_IMAGE, null, "build " + image + ": the engine ended the build without reporting an image ID", null);
        }
        return imageId;
    }

    private void remember(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("Step ")) {
                step = line.strip();
                stepOutput.clear();
            } else if (!line.isBlank() && !line.startsWith(" ---> ") && !line.startsWith(BUILDER_CLEAN_UP)) {
                stepOutput.add(line.strip());
            }
        }
        while (stepOutput.size() > STEP_OUTPUT_LINES) {
            stepOutput.remove(0);
        }
    }

    /** An engine authorization plugin refused {@code what} (the whole build, or one step in the stream). */
    private BuildFailedException refusedByPlugin(Matcher denied, String what) {
        return failure(Reason.ENGINE_POLICY, denied.group(1), "build " + image + ": the engine's authorization plugin "
                + denied.group(1) + " refused " + what + ": " + denied.group(2), null);
    }

    private BuildFailedException failure(Reason reason, String detail, String message, Integer line) {
        return new BuildFailedException(reason, detail, message, dockerfile, line, step, stepOutput);
    }
}
