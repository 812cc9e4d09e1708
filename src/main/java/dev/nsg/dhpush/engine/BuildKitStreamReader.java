package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.BuildFailedException.Reason;
import dev.nsg.dhpush.failure.RegistryUnavailableException;

/**
 * A BuildKit build's {@code /build} stream: {@code moby.buildkit.trace} lines (base64 protobuf in {@code aux}), then
 * {@code moby.image.id} (a JSON object in {@code aux}), or an {@code errorDetail}. Every line is read; a failure
 * carries the engine's words, and the session's side adds which step it was.
 */
final class BuildKitStreamReader {

    static final String TRACE = "moby.buildkit.trace";
    static final String IMAGE_ID = "moby.image.id";
    /** BuildKit's Dockerfile frontend: "dockerfile parse error on line 3: unknown instruction: FOO", after "failed to solve: ". */
    private static final Pattern PARSE_ERROR = Pattern.compile("(?:.*: )?dockerfile parse error (?:on )?line (\\d+): (.*)$", Pattern.DOTALL);
    private static final Pattern NO_TARGET = Pattern.compile("(?:.*: )?target stage \"?([^\"]+?)\"? could not be found$", Pattern.DOTALL);

    private final String image;
    private final Path dockerfile;
    private final BuildKitStream stream;

    BuildKitStreamReader(String image, Path dockerfile, BuildKitStream stream) {
        this.image = image;
        this.dockerfile = dockerfile;
        this.stream = stream;
    }

    /** The engine refused the request itself (HTTP 4xx/5xx). */
    BuildFailedException refused(String engineMessage) {
        Matcher denied = BuildStream.PLUGIN_DENIED.matcher(engineMessage.strip());
        if (denied.matches()) {
            return new BuildFailedException(Reason.ENGINE_POLICY, denied.group(1), "build " + image + ": the engine's authorization plugin "
                    + denied.group(1) + " refused the build: " + denied.group(2), dockerfile, null, null, List.of());
        }
        BuildFailedException known = dockerfileFailure(engineMessage.strip());
        return known != null ? known
                : failure(Reason.REFUSED, "build " + image + ": the engine refused the build: " + engineMessage, null);
    }

    String read(InputStream body, ObjectMapper json) throws IOException {
        JsonMessageReader reader = new JsonMessageReader(body, json);
        String imageId = null;
        for (JsonMessage message = reader.next(); message != null; message = reader.next()) {
            if (message.isError()) {
                throw streamFailure(message.errorMessage().strip());
            }
            if (TRACE.equals(message.id()) && message.aux() != null && message.aux().isTextual()) {
                stream.trace(Base64.getDecoder().decode(message.aux().asText()));
            } else if (IMAGE_ID.equals(message.id()) && message.aux() != null && message.aux().hasNonNull("ID")) {
                imageId = message.aux().get("ID").asText();
            } else if (message.stream() != null) {
                stream.output(message.stream());
            }
        }
        if (imageId == null) {
            throw failure(Reason.NO_IMAGE, "build " + image + ": the engine ended the build without reporting an image ID", null);
        }
        return imageId;
    }

    private RuntimeException streamFailure(String text) {
        BuildFailedException known = dockerfileFailure(text);
        if (known != null) {
            return known;
        }
        if ("TOOMANYREQUESTS".equals(RelayedError.parse(text).registryCode()) || text.contains(": 429 Too Many Requests")) {
            return new RegistryUnavailableException(RegistryUnavailableException.Reason.RATE_LIMITED, null, null,
                    "build " + image + ": pulling a base image: " + text, null);
        }
        return failure(Reason.STEP, "build " + image + ": " + text, null);
    }

    private BuildFailedException dockerfileFailure(String text) {
        Matcher parse = PARSE_ERROR.matcher(text);
        if (parse.matches()) {
            int line = Integer.parseInt(parse.group(1));
            return failure(Reason.DOCKERFILE, "build " + image + ": " + dockerfile + " line " + line + ": " + parse.group(2).strip(), line);
        }
        Matcher target = NO_TARGET.matcher(text);
        if (target.matches()) {
            return failure(Reason.TARGET, "build " + image + ": " + dockerfile + " has no stage named " + target.group(1), null);
        }
        return null;
    }

    private BuildFailedException failure(Reason reason, String message, Integer line) {
        return new BuildFailedException(reason, null, message, dockerfile, line, null, List.of());
    }
}
