package dev.nsg.dhpush.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;

/**
 * What the user asked for, already parsed and validated by the command line.
 *
 * @param dockerfile {@code --file}, or null for the context's Dockerfile
 * @param buildArgs {@code --build-arg} values, resolved (a bare K took its value from the environment)
 * @param labels {@code --label} values, laid over the automatic OCI labels
 */
public record PublishSettings(ImageReference repository, List<Tag> tags, Path context, Path dockerfile,
        Map<String, String> buildArgs, Map<String, String> labels, String target, boolean pull, boolean noCache,
        String network, String platform) {
}
