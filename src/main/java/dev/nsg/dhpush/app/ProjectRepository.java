package dev.nsg.dhpush.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import dev.nsg.dhpush.app.ChosenRepository.Origin;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;
import dev.nsg.dhpush.model.DockerHub;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.dockerfile.DockerfileInstructions;
import dev.nsg.dhpush.dockerfile.DockerfileLabels;

/**
 * The repository a project declares, so that dhpush itself holds no project's name: an explicitly named repository
 * wins; else the name is the final stage's {@code org.opencontainers.image.title} label, and the namespace the one in
 * the project's {@code dhpush.properties}, else the registry user's own. Where nothing names a repository, the run
 * stops before any work rather than guess.
 */
public final class ProjectRepository {

    static final String TITLE_LABEL = ImageMetadata.PREFIX + "title";

    private ProjectRepository() {
    }

    /** For commands that build: the Dockerfile has been read already. */
    static ChosenRepository choose(RepositoryRequest request, Path projectDirectory, Path dockerfile,
            DockerfileInstructions instructions, String target) {
        if (request.repository() != null) {
            return ChosenRepository.given(ImageReference.parse(request.registry(), request.repository()));
        }
        String title = DockerfileLabels.literal(instructions, target, TITLE_LABEL).orElseThrow(() -> new InvalidInputException(
                Problem.NO_REPOSITORY, dockerfile.toString(), "choose the repository: none was named, and " + dockerfile
                        + " gives its final stage no " + TITLE_LABEL + " label with a plain value"));
        Optional<ProjectSettings> settings = ProjectSettings.read(projectDirectory);
        String namespace = settings.map(ProjectSettings::namespace).orElse(null);
        Origin namespaceOrigin = Origin.PROJECT_SETTINGS;
        if (namespace == null && request.userNamespace() != null && !request.userNamespace().isBlank()) {
            namespace = request.userNamespace().strip().toLowerCase(Locale.ROOT);
            namespaceOrigin = Origin.REGISTRY_USER;
        }
        if (namespace == null) {
            if (DockerHub.isDockerHub(request.registry() == null ? DockerHub.REGISTRY : request.registry().strip())) {
                throw new InvalidInputException(Problem.NO_NAMESPACE, title, "choose the repository: " + dockerfile
                        + " names the image \"" + title + "\", but nothing names its namespace on Docker Hub");
            }
            namespaceOrigin = Origin.NONE;
        }
        String path = namespace == null ? title : namespace + "/" + title;
        ImageReference reference;
        try {
            reference = ImageReference.parse(request.registry(), path);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(Problem.REPOSITORY, path, "choose the repository from the project: " + e.getMessage(), e);
        }
        Path settingsFile = namespaceOrigin == Origin.PROJECT_SETTINGS ? settings.map(ProjectSettings::file).orElse(null) : null;
        return new ChosenRepository(reference, Origin.DOCKERFILE_TITLE, namespaceOrigin, dockerfile, settingsFile);
    }

    /**
     * For commands that do not build (push, verify, tags): the project is the directory they run in, its Dockerfile
     * the one there.
     */
    public static ChosenRepository choose(RepositoryRequest request, Path projectDirectory) {
        if (request.repository() != null) {
            return ChosenRepository.given(ImageReference.parse(request.registry(), request.repository()));
        }
        Path dockerfile = projectDirectory.toAbsolutePath().normalize().resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            throw new InvalidInputException(Problem.NO_REPOSITORY, dockerfile.toString(), "choose the repository: none was named,"
                    + " and there is no Dockerfile in " + dockerfile.getParent() + " to name one");
        }
        DockerfileInstructions instructions = DockerfileInstructions.read(dockerfile);
        return choose(request, projectDirectory, dockerfile, instructions, null);
    }
}
