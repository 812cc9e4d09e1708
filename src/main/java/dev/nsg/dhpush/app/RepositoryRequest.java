package dev.nsg.dhpush.app;

/**
 * What the user said about where the image goes: the registry and repository they named, if any, and the registry
 * user whose namespace serves as the default one.
 *
 * @param registry the registry named explicitly, or null for Docker Hub
 * @param repository the repository named explicitly, or null for the project's own
 * @param userNamespace the registry user's name (the pipeline's account variable), or null
 */
public record RepositoryRequest(String registry, String repository, String userNamespace) {
}
