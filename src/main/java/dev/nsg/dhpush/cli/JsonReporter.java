package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.app.PushedTag;
import dev.nsg.dhpush.app.VerifiedTag;

/** --json: one JSON object per line on stdout, each with an "event" field; nothing else on stdout. */
final class JsonReporter implements PublishListener {

    private final PrintWriter out;

    JsonReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void plan(PublishPlan plan) {
        emit("plan", "repository", plan.repository().fullName(), "images", plan.imageNames(),
                "dockerfile", plan.context().dockerfileName(), "contextFiles", plan.context().fileCount(),
                "contextBytes", plan.context().byteCount(), "buildArgs", plan.buildArgs(), "labels", plan.labels(),
                "labelsSetByDockerfile", plan.labelsSetByDockerfile());
    }

    @Override
    public void phase(String name, String detail) {
        emit("phase", "name", name, "detail", detail);
    }

    @Override
    public void buildOutput(String text) {
        emit("build-output", "text", text);
    }

    @Override
    public void layerStatus(String layer, String status, Long current, Long total) {
        emit("layer", "id", layer, "status", status, "current", current, "total", total);
    }

    @Override
    public void status(String text) {
        emit("status", "text", text);
    }

    @Override
    public void built(String imageId, long millis) {
        emit("built", "imageId", imageId, "millis", millis);
    }

    @Override
    public void pushed(PushedTag tag, long millis) {
        emit("pushed", "repository", tag.repository().fullName(), "tag", tag.tag().value(),
                "digest", tag.digest().value(), "image", tag.pinned(), "millis", millis);
    }

    @Override
    public void verified(VerifiedTag tag) {
        emit("verified", "repository", tag.repository().fullName(), "tag", tag.tag().value(), "digest", tag.digest().value(),
                "image", tag.pinned(), "rateLimitLimit", tag.rateLimit().limit(), "rateLimitRemaining", tag.rateLimit().remaining(),
                "rateLimitSource", tag.rateLimit().source());
    }

    /** {@code dhpush tags --json}. */
    void tags(String repository, java.util.List<String> tags) {
        emit("tags", "repository", repository, "count", tags.size(), "tags", tags);
    }

    @Override
    public void notice(String text) {
        emit("notice", "text", text);
    }

    private void emit(String event, Object... fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                line.put((String) fields[i], fields[i + 1]);
            }
        }
        out.println(JsonLine.of(line));
        out.flush();
    }
}
