package dev.nsg.dhpush.app;

import java.util.Optional;

import dev.nsg.dhpush.signing.SigningKey;

/**
 * What a push may do beyond pushing: move tags that hold another image, and sign what it verified.
 *
 * @param noOverwrite refuse to move any tag but {@code latest} that already holds another image
 * @param signingKey  the key to sign the verified digest with, read and opened before anything was built or pushed
 * @param run         the CI run, for the provenance a signed publish attaches
 */
public record PushPolicy(boolean noOverwrite, Optional<SigningKey> signingKey, PipelineRun run) {

    public static final PushPolicy DEFAULT = new PushPolicy(false, Optional.empty(), PipelineRun.NONE);
}
