package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nsg.dhpush.app.ChosenBuilder;
import dev.nsg.dhpush.app.ChosenRepository;
import dev.nsg.dhpush.engine.BuildStep;
import dev.nsg.dhpush.app.ProvenAccess;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.app.PushedTag;
import dev.nsg.dhpush.app.TagState;
import dev.nsg.dhpush.app.AttestedImage;
import dev.nsg.dhpush.app.SignedImage;
import dev.nsg.dhpush.app.VerifiedSignature;
import dev.nsg.dhpush.app.VerifiedTag;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.Tag;

/**
 * Human output: progress on stderr, results on stdout. On a terminal, push progress is a live block of one line per
 * layer; elsewhere (CI logs) each layer's status is printed once per change, with no control characters at all.
 */
final class PlainReporter implements PublishListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean live;
    private final boolean color;
    private final Map<String, String> layers = new LinkedHashMap<>();
    private int drawnLines;

    PlainReporter(PrintWriter out, PrintWriter err, boolean live, boolean color) {
        this.out = out;
        this.err = err;
        this.live = live;
        this.color = color && live;
    }

    @Override
    public void plan(PublishPlan plan) {
        out.println("repository: " + plan.repository().fullName() + "  (" + Provenance.of(plan.target()) + ")");
        plan.imageNames().forEach(name -> out.println("image:      " + name));
        out.println("dockerfile: " + plan.context().dockerfileName());
        out.printf("context:    %s (%d files, %s after .dockerignore; dhpush context lists them)%n", plan.context().directory(),
                plan.context().fileCount(), ByteSize.format(plan.context().byteCount()));
        plan.context().skipped().forEach(name -> out.println("skipped:    " + name + "  (a socket: a tar cannot hold it)"));
        plan.buildArgs().forEach((key, value) -> out.println("build-arg:  " + key + "=" + value));
        plan.labels().forEach((key, value) -> out.println("label:      " + key + "=" + value
                + (plan.labelsSetByDockerfile().contains(key) ? "  (set by the Dockerfile)" : "")));
        out.flush();
    }

    @Override
    public void target(ChosenRepository target) {
        phase("target", target.reference().fullName() + " (" + Provenance.of(target) + ")");
    }

    @Override
    public void preflight(ProvenAccess proven) {
        phase("preflight", "push access to " + proven.repository().fullName() + " proven by "
                + ("token-grant".equals(proven.access().proof()) ? "the token service's grant" : "an upload the registry accepted (then cancelled)")
                + (proven.username() == null ? ", anonymously" : ", as " + proven.username() + " (" + Provenance.of(proven.source()) + ")"));
        if (proven.access().note() != null) {
            notice(proven.access().note());
        }
    }

    @Override
    public void tagState(TagState state) {
        out.println("tag:        " + state.tag() + (state.kind() == TagState.Kind.NEW ? "  (new on the registry)"
                : "  (the registry holds " + state.held() + "; a push moves it unless the image is the same)"));
        out.flush();
    }

    @Override
    public void retagged(Tag tag, String imageId) {
        notice("tag " + tag + " now names image " + imageId + ", the first tag's, so every tag pushes one image");
    }

    @Override
    public void moved(Tag tag, Digest from, Digest to) {
        notice("tag " + tag + " moves from " + from + " to " + to);
    }

    @Override
    public void unchanged(Tag tag, Digest digest, boolean pushed) {
        notice(pushed ? "tag " + tag + " unchanged: the registry already held this image as " + digest
                : "tag " + tag + " unchanged: the registry already serves this image as " + digest + "; not pushed again");
    }

    @Override
    public void waiting(String address, java.time.Duration waited, java.time.Duration limit) {
        status(waited.isZero() || waited.toSeconds() == 0
                ? "waiting for the Docker engine at " + address + " (up to " + limit.toSeconds() + " s)…"
                : "still waiting for the Docker engine at " + address + " (" + waited.toSeconds() + " s of " + limit.toSeconds() + " s)…");
    }

    @Override
    public void answered(String address, java.time.Duration waited) {
        status("the Docker engine at " + address + " answered after " + waited.toSeconds() + " s");
    }

    @Override
    public void phase(String name, String detail) {
        settleLiveBlock();
        err.println(bold("==> " + name) + (detail == null ? "" : " " + detail));
        err.flush();
    }

    @Override
    public void buildOutput(String text) {
        err.print(Terminal.printable(text));
        err.flush();
    }

    @Override
    public void builder(ChosenBuilder builder) {
        phase("builder", BuilderWords.describe(builder));
    }

    /** As docker build --progress=plain prints BuildKit's steps. */
    @Override
    public void buildStep(BuildStep step) {
        settleLiveBlock();
        String number = "#" + step.number() + " ";
        String line = switch (step.kind()) {
            case STARTED -> "\n" + number + step.name();
            case OUTPUT -> number + seconds(step.elapsed()) + " " + step.text();
            case STATUS -> number + step.text();
            case CACHED -> number + "CACHED";
            case DONE -> number + "DONE " + seconds(step.elapsed()) + "s";
            case ERROR -> number + "ERROR: " + step.text();
        };
        err.println(Terminal.printable(line));
        err.flush();
    }

    private static String seconds(java.time.Duration elapsed) {
        return String.format(java.util.Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0);
    }

    @Override
    public void layerStatus(String layer, String status, Long current, Long total) {
        String line = layer + ": " + status + (current != null && total != null && total > 0
                ? " " + bar(current, total) + " " + ByteSize.format(current) + " / " + ByteSize.format(total) : "");
        String previous = layers.put(layer, live ? line : layer + ": " + status);
        if (live) {
            redraw();
        } else if (!(layer + ": " + status).equals(previous)) {
            err.println(Terminal.printable(layer + ": " + status));
            err.flush();
        }
    }

    @Override
    public void status(String text) {
        settleLiveBlock();
        err.println(Terminal.printable(text));
        err.flush();
    }

    @Override
    public void built(String imageId, long millis) {
        settleLiveBlock();
        err.println("built " + imageId + " in " + ElapsedTime.format(millis));
        err.flush();
    }

    @Override
    public void pushed(PushedTag tag, long millis) {
        settleLiveBlock();
        err.println("pushed " + tag.repository().engineName() + ":" + tag.tag() + "@" + tag.digest() + " in " + ElapsedTime.format(millis));
        err.flush();
    }

    @Override
    public void verified(VerifiedTag tag) {
        settleLiveBlock();
        if (tag.rateLimit().isKnown()) {
            err.println("registry rate limit: " + tag.rateLimit().remaining() + " of " + tag.rateLimit().limit() + " pulls left");
            err.flush();
        }
        out.println(tag.pinned() + (tag.compared() ? " verified" : " served"));
        out.flush();
    }

    @Override
    public void signed(SignedImage signed) {
        settleLiveBlock();
        err.println("signed " + signed.repository().fullName() + "@" + signed.image() + " with " + signed.key() + ": "
                + signed.tag() + "@" + signed.signature() + (signed.added() ? "" : " (this key's signature was there already)"));
        err.flush();
    }

    @Override
    public void attested(AttestedImage attested) {
        settleLiveBlock();
        err.println("attested " + attested.repository().fullName() + "@" + attested.image() + " (SLSA provenance, signed with "
                + attested.key() + "): " + attested.tag() + "@" + attested.attestation());
        err.flush();
    }

    @Override
    public void signatureVerified(VerifiedSignature verified) {
        settleLiveBlock();
        out.println(verified.repository().fullName() + "@" + verified.image() + " signed, verified with " + verified.key()
                + " (" + verified.valid() + " of " + verified.signatures() + " signature" + (verified.signatures() == 1 ? "" : "s") + ")");
        out.flush();
    }

    @Override
    public void notice(String text) {
        settleLiveBlock();
        err.println("notice: " + text);
        err.flush();
    }

    private void redraw() {
        StringBuilder frame = new StringBuilder();
        if (drawnLines > 0) {
            frame.append("\033[").append(drawnLines).append('F');
        }
        for (String line : layers.values()) {
            frame.append("\033[2K").append(Terminal.printable(line)).append('\n');
        }
        drawnLines = layers.size();
        err.print(frame);
        err.flush();
    }

    private static String bar(long current, long total) {
        int width = 30;
        int filled = (int) Math.min(width, current * width / total);
        return "[" + "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "") + "]";
    }

    /** Leaves the live block as it stands and starts a new one below it. */
    private void settleLiveBlock() {
        layers.clear();
        drawnLines = 0;
    }

    private String bold(String text) {
        return color ? "\033[1m" + text + "\033[0m" : text;
    }
}
