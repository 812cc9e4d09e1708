package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.PushFailedException;
import dev.nsg.dhpush.failure.PushFailedException.Reason;
import dev.nsg.dhpush.model.Digest;

/**
 * The engine's answer to {@code POST /images/{name}/push}: per-layer progress handed on, the manifest digest read from
 * the {@code aux} message (or the final status line of older engines), and an {@code errorDetail} turned into a
 * failure classified by what the registry relayed, not by the words of its message.
 */
final class PushStream {

    private static final Pattern PUSHED_DIGEST = Pattern.compile("digest: (sha256:[a-f0-9]{64})");

    private final String image;
    private final String tag;
    private final EngineProgress progress;

    PushStream(String image, String tag, EngineProgress progress) {
        this.image = image;
        this.tag = tag;
        this.progress = progress;
    }

    Digest read(InputStream body, ObjectMapper json) throws IOException {
        JsonMessageReader reader = new JsonMessageReader(body, json);
        String digest = null;
        for (JsonMessage message = reader.next(); message != null; message = reader.next()) {
            if (message.isError()) {
                throw failure(message.errorMessage());
            }
            if (message.aux() != null && message.aux().hasNonNull("Digest")) {
                JsonNode aux = message.aux();
                if (!aux.hasNonNull("Tag") || tag.equals(aux.get("Tag").asText())) {
                    digest = aux.get("Digest").asText();
                }
            } else if (message.status() != null && message.id() != null) {
                JsonMessage.ProgressDetail detail = message.progressDetail();
                progress.layerStatus(message.id(), message.status(),
                        detail == null ? null : detail.current(), detail == null ? null : detail.total());
            } else if (message.status() != null) {
                progress.status(message.status());
                Matcher matcher = PUSHED_DIGEST.matcher(message.status());
                if (digest == null && matcher.find()) {
                    digest = matcher.group(1);
                }
            }
        }
        if (digest == null) {
            throw new PushFailedException(Reason.NO_DIGEST, null, "push " + image + ": the engine ended the push without reporting a digest");
        }
        return Digest.of(digest);
    }

    /** A failure the engine reported, in the stream or as the push request's error answer. */
    PushFailedException failure(String engineMessage) {
        String reason = engineMessage.strip();
        Matcher denied = BuildStream.PLUGIN_DENIED.matcher(reason);
        if (denied.matches()) {
            return new PushFailedException(Reason.ENGINE_POLICY, denied.group(1), "push " + image + ": " + reason);
        }
        RelayedError relayed = RelayedError.parse(reason);
        if (relayed.registryCode() != null) {
            return new PushFailedException(Reason.REGISTRY_ERROR, relayed.registryCode(), "push " + image + ": " + reason);
        }
        if (relayed.unreachableHost() != null || relayed.serverError()) {
            return new PushFailedException(Reason.REGISTRY_UNREACHABLE, null, "push " + image + ": " + reason);
        }
        return new PushFailedException(Reason.ENGINE_ERROR, null, "push " + image + ": " + reason);
    }
}
