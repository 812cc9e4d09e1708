package dev.nsg.dhpush.app;

import dev.nsg.dhpush.failure.CredentialSource;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.registry.PushAccess;

/**
 * The preflight's result: push access to the repository, proven before the build.
 *
 * @param username the registry user, or null when anonymous
 * @param source where the credentials came from, or null when anonymous
 */
public record ProvenAccess(ImageReference repository, PushAccess access, String username, CredentialSource source) {
}
