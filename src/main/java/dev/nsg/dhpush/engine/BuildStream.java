package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.BuildFailedException.Reason;

/**
 * The classic builder's answer to {@code POST /build}: a refusal before the build starts, or a JSON-lines stream whose
 * every line is read, with output handed on as it comes, a failed step's last lines kept, and the image ID at the end.
 */
final class BuildStream {

    private static final int STEP_OUTPUT_LINES = 20;
    /** The builder's own line after a step, not the step's output. */
    private static final String BUILDER_CLEAN_UP = "Removing intermediate container ";
    /** moby's Dockerfile parser (frontend/dockerfile/parser): "dockerfile parse error line 3: unknown instruction: FOO". */
    private static final Pattern PARSE_ERROR = Pattern.compile("^dockerfile parse error line (\\d+): (.*)$", Pattern.DOTALL);
    /** The classic builder's answer to a --target that names no stage (builder/dockerfile/builder.go). */
    private static final Pattern NO_TARGET = Pattern.compile("^failed to reach build target (.+) in Dockerfile$");

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
        Matcher parse = PARSE_ERROR.matcher(engineMessage.strip());
        if (parse.matches()) {
            int line = Integer.parseInt(parse.group(1));
            return failure(Reason.DOCKERFILE, "build " + image + ": " + dockerfile + " line " + line + ": " + parse.group(2), line);
        }
        Matcher target = NO_TARGET.matcher(engineMessage.strip());
        if (target.matches()) {
            return failure(Reason.TARGET, "build " + image + ": " + dockerfile + " has no stage named " + target.group(1), null);
        }
        return failure(Reason.REFUSED, "build " + image + ": the engine refused the build: " + engineMessage, null);
    }

    /** Reads the stream to its end; returns the image ID. */
    String read(InputStream body, ObjectMapper json) throws IOException {
        JsonMessageReader reader = new JsonMessageReader(body, json);
        String imageId = null;
        for (JsonMessage message = reader.next(); message != null; message = reader.next()) {
            if (message.isError()) {
                throw failure(Reason.STEP, "build " + image + ": " + message.errorMessage().strip(), null);
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
            throw failure(Reason.NO_IMAGE, "build " + image + ": the engine ended the build without reporting an image ID", null);
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

    private BuildFailedException failure(Reason reason, String message, Integer line) {
        return new BuildFailedException(reason, message, dockerfile, line, step, stepOutput);
    }
}
