package dev.nsg.dhpush.engine;

import java.util.List;
import java.util.Map;

/**
 * What dhpush needs from {@code GET /images/{name}/json}.
 *
 * @param id the image ID: the config digest on the classic image store, the manifest or index digest on containerd's
 * @param repoDigests {@code repository@sha256:…} for every repository this engine pushed the image to or pulled it from
 */
public record ImageInfo(String id, List<String> repoDigests, Map<String, String> labels) {
}
