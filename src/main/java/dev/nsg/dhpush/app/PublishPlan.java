package dev.nsg.dhpush.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nsg.dhpush.context.BuildContext;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.dockerfile.DockerfileInstructions;

/**
 * Everything a run will do, worked out and checked before the engine is asked for anything (--dry-run prints it).
 *
 * @param target the repository, and why it was chosen
 * @param labels every label dhpush gives the image
 * @param labelsSetByDockerfile the keys of {@code labels} the Dockerfile's final stage already sets to the same value,
 *        so the engine is not asked to add them again
 * @param dockerfile the Dockerfile's instructions, as read for the plan
 * @param builder the builder asked for: by the command line or environment, else by the project's settings, else auto
 */
public record PublishPlan(ChosenRepository target, List<Tag> tags, BuildContext context,
        Map<String, String> buildArgs, Map<String, String> labels, Set<String> labelsSetByDockerfile, DockerfileInstructions dockerfile,
        PublishSettings settings, BuilderChoice builder) {

    /** Whether the Dockerfile has heredocs ({@code RUN <<EOF}), which only BuildKit reads. */
    public boolean usesHeredocs() {
        return dockerfile.hasHeredoc();
    }

    public ImageReference repository() {
        return target.reference();
    }

    /** The labels the engine's {@code labels} parameter carries: those the Dockerfile does not set itself. */
    public Map<String, String> labelsToAdd() {
        Map<String, String> toAdd = new LinkedHashMap<>(labels);
        toAdd.keySet().removeAll(labelsSetByDockerfile);
        return toAdd;
    }

    /** The names the engine tags the build with: {@code repo:tag} for every tag. */
    public List<String> imageNames() {
        return tags.stream().map(repository()::withTag).toList();
    }
}
