package dev.nsg.dhpush.engine;

import java.util.List;
import java.util.Map;

/** What dhpush needs from {@code GET /images/{name}/json}. */
public record ImageInfo(String id, List<String> repoTags, List<String> repoDigests, Map<String, String> labels) {
}
