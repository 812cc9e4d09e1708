package dev.nsg.dhpush.app;

import java.nio.file.Path;

import dev.nsg.dhpush.model.ImageReference;

/**
 * The repository a run works on, and why: named explicitly, or declared by the project (its Dockerfile's title
 * label and its settings file, or the registry user's namespace). {@code --dry-run} and the first progress line say so.
 *
 * @param name where the repository's name came from
 * @param namespace where its namespace came from ({@link Origin#NONE}: a single-name repository on a private registry)
 * @param dockerfile the Dockerfile whose title label was read, or null
 * @param settings the project settings file that gave the namespace, or null
 */
public record ChosenRepository(ImageReference reference, Origin name, Origin namespace, Path dockerfile, Path settings) {

    /**
     * GIVEN: named on the command line; DOCKERFILE_TITLE: the final stage's {@code org.opencontainers.image.title};
     * PROJECT_SETTINGS: the project's settings file; REGISTRY_USER: the registry user's own namespace.
     */
    public enum Origin { GIVEN, DOCKERFILE_TITLE, PROJECT_SETTINGS, REGISTRY_USER, NONE }

    static ChosenRepository given(ImageReference reference) {
        return new ChosenRepository(reference, Origin.GIVEN, Origin.GIVEN, null, null);
    }
}
