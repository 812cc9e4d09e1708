package dev.nsg.dhpush.app;

import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.context.BuildContext;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;

/** Everything a run will do, worked out and checked before the engine is asked for anything (--dry-run prints it). */
public record PublishPlan(ImageReference repository, List<Tag> tags, BuildContext context,
        Map<String, String> buildArgs, Map<String, String> labels, PublishSettings settings) {

    /** The names the engine tags the build with: {@code repo:tag} for every tag. */
    public List<String> imageNames() {
        return tags.stream().map(repository::withTag).toList();
    }
}
