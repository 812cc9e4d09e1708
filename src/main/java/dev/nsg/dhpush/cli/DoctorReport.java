package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.nsg.dhpush.app.ChosenBuilder;
import dev.nsg.dhpush.app.CheckupListener;
import dev.nsg.dhpush.app.ProvenAccess;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.app.TagState;
import dev.nsg.dhpush.context.BuildContext;
import dev.nsg.dhpush.context.ContextWarning;
import dev.nsg.dhpush.context.SentEntry;
import dev.nsg.dhpush.failure.DhpushException;
import dev.nsg.dhpush.model.DockerHub;
import dev.nsg.dhpush.registry.RateLimit;
import dev.nsg.dhpush.dockerfile.BaseImage;

/**
 * Doctor's verdicts: one line per finding on stdout as it comes ({@code ok}, {@code warn}, {@code FAIL} with its hint,
 * {@code skip}), or with --json one object at the end; --quiet keeps only failures.
 */
final class DoctorReport implements CheckupListener {

    enum Verdict { ok, warn, fail, skip }

    private record Row(Check check, Verdict verdict, String text, String hint, Object data) {
    }

    private final PrintWriter out;
    private final PublishPlan plan;
    private final boolean json;
    private final boolean quiet;
    private final List<Row> rows = new ArrayList<>();

    private DoctorReport(PrintWriter out, PublishPlan plan, boolean json, boolean quiet) {
        this.out = out;
        this.plan = plan;
        this.json = json;
        this.quiet = quiet;
    }

    static DoctorReport of(OutputOptions output, PrintWriter out, PublishPlan plan) {
        output.checkOneForm();
        return new DoctorReport(out, plan, output.json, output.quiet);
    }

    @Override
    public void engine(String description) {
        row(Check.ENGINE, Verdict.ok, description, null, Map.of("engine", description));
    }

    @Override
    public void builder(ChosenBuilder builder) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("builder", builder.buildKit() ? "buildkit" : "classic");
        data.put("asked", builder.asked().kind().name().toLowerCase(java.util.Locale.ROOT));
        data.put("askedBy", builder.asked().source());
        data.put("engineDefault", builder.engineDefault() ? "buildkit" : "classic");
        row(Check.BUILDER, Verdict.ok, BuilderWords.describe(builder), null, data);
    }

    @Override
    public void registry(ProvenAccess proven) {
        String who = proven.username() == null ? "anonymously" : "as " + proven.username() + " (" + Provenance.of(proven.source()) + ")";
        String proof = "token-grant".equals(proven.access().proof()) ? "the token service's grant"
                : "an upload the registry accepted, then cancelled";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("repository", proven.repository().fullName());
        data.put("scheme", proven.access().scheme());
        data.put("username", proven.username());
        data.put("credentialSource", Provenance.of(proven.source()));
        data.put("proof", proven.access().proof());
        String scheme = "none".equals(proven.access().scheme()) ? "no authentication asked" : proven.access().scheme() + " auth";
        String accepted = proven.username() == null ? "" : ", credentials accepted " + who;
        row(Check.REGISTRY, Verdict.ok, proven.repository().fullName() + ": " + scheme + accepted + ", push access proven by " + proof,
                null, data);
        if (proven.access().note() != null) {
            row(Check.REGISTRY, Verdict.warn, proven.access().note(), null, null);
        }
    }

    @Override
    public void rateLimit(RateLimit limit) {
        if (!limit.isKnown()) {
            row(Check.RATE_LIMIT, Verdict.ok, "not reported: the registry sent no ratelimit headers for the tags looked up", null, null);
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("limit", limit.limit());
        data.put("remaining", limit.remaining());
        data.put("source", limit.source());
        boolean exhausted = limit.remaining() != null && limit.remaining().matches("0(;.*)?");
        row(Check.RATE_LIMIT, exhausted ? Verdict.warn : Verdict.ok, "ratelimit-limit " + limit.limit() + ", ratelimit-remaining "
                + limit.remaining() + (exhausted ? ": no pulls left; a build that pulls a base image will be refused" : ""), null, data);
    }

    @Override
    public void baseImages(List<BaseImage> images) {
        if (images.isEmpty()) {
            row(Check.BASE_IMAGES, Verdict.ok, "none (FROM scratch or earlier stages only)", null, List.of());
        }
        for (BaseImage image : images) {
            Map<String, Object> data = Map.of("image", image.name(), "present", image.present(), "resolved", image.resolved());
            if (!image.resolved()) {
                row(Check.BASE_IMAGES, Verdict.warn, image.name() + ": a build arg in it has no value here", "pass it with --build-arg", data);
            } else if (image.present()) {
                row(Check.BASE_IMAGES, Verdict.ok, image.name() + ": in the engine", null, data);
            } else {
                row(Check.BASE_IMAGES, Verdict.warn, image.name() + ": not in the engine; the build pulls it"
                        + (DockerHub.pullsFrom(image.name()) ? " (one pull from Docker Hub's quota)" : ""), null, data);
            }
        }
    }

    @Override
    public void context(BuildContext context) {
        ContextSummary summary = ContextSummary.of(context);
        List<SentEntry> largest = summary.largest();
        String top = largest.stream().limit(3).map(entry -> entry.path() + " " + ByteSize.format(entry.size())).reduce((a, b) -> a + ", " + b)
                .map(list -> "; largest: " + list).orElse("");
        row(Check.CONTEXT, Verdict.ok, context.fileCount() + " files, " + ByteSize.format(context.byteCount()) + " from "
                + context.directory() + top, null, summary.json(false));
        for (ContextWarning warning : summary.warnings()) {
            row(Check.CONTEXT, Verdict.warn, ContextSummary.sentence(warning), null, null);
        }
    }

    @Override
    public void tags(List<TagState> states) {
        for (TagState state : states) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("tag", state.tag().value());
            data.put("held", state.held() == null ? null : state.held().value());
            if (state.kind() == TagState.Kind.NEW) {
                row(Check.TAGS, Verdict.ok, state.tag() + ": new on the registry", null, data);
            } else {
                row(Check.TAGS, Verdict.warn, state.tag() + ": holds " + state.held() + "; a publish moves it unless it builds the very same image",
                        state.tag().value().equals("latest") ? null : "--no-overwrite would stop such a move with exit 9", data);
            }
        }
    }

    @Override
    public void signingKey(Optional<String> key) {
        if (key.isEmpty()) {
            row(Check.SIGNING_KEY, Verdict.skip, "no --sign-key and " + SigningKeySource.KEY_VARIABLE + " is not set: a publish would not sign",
                    null, null);
        } else {
            row(Check.SIGNING_KEY, Verdict.ok, key.get() + " opens and signs (ECDSA P-256): a publish would sign the digest and attest"
                    + " its provenance", null, Map.of("key", key.get()));
        }
    }

    @Override
    public void failed(Check check, DhpushException failure) {
        row(check, Verdict.fail, failure.getMessage(), Hints.of(failure), Map.of("exitCode", failure.exitCode().code()));
    }

    @Override
    public void noTags() {
        row(Check.TAGS, Verdict.skip, "no --tag given and BITBUCKET_BUILD_NUMBER is not set: no tag to look up", null, null);
    }

    @Override
    public void skipped(Check check, Check needs) {
        row(check, Verdict.skip, "needs the " + label(needs) + " check, which failed", null, null);
    }

    void finish(Optional<DhpushException> failure) {
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("repository", plan.repository().fullName());
            object.put("tags", plan.tags().stream().map(tag -> tag.value()).toList());
            object.put("ready", failure.isEmpty());
            object.put("exitCode", failure.map(e -> e.exitCode().code()).orElse(0));
            List<Map<String, Object>> checks = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("check", label(row.check()).replace(' ', '-'));
                item.put("verdict", row.verdict().name());
                item.put("message", row.text());
                if (row.hint() != null) {
                    item.put("hint", row.hint());
                }
                if (row.data() != null) {
                    item.put("facts", row.data());
                }
                checks.add(item);
            }
            object.put("checks", checks);
            out.println(JsonLine.of(object));
        } else {
            long failed = rows.stream().filter(row -> row.verdict() == Verdict.fail).count();
            long warned = rows.stream().filter(row -> row.verdict() == Verdict.warn).count();
            out.println(failure.isEmpty()
                    ? "doctor: a publish to " + plan.repository().fullName() + " should work" + (warned > 0 ? " (" + warned + " warning" + (warned == 1 ? "" : "s") + ")" : "")
                    : "doctor: " + failed + " check" + (failed == 1 ? "" : "s") + " failed; exit " + failure.get().exitCode().code()
                            + " is the first failure's");
        }
        out.flush();
    }

    private void row(Check check, Verdict verdict, String text, String hint, Object data) {
        rows.add(new Row(check, verdict, text, hint, data));
        if (json || quiet && verdict != Verdict.fail) {
            return;
        }
        String mark = verdict == Verdict.fail ? "FAIL" : verdict.name();
        out.printf("%-5s %-12s %s%n", mark, label(check), Terminal.printable(text).replace('\n', ' '));
        if (hint != null) {
            out.printf("%-5s %-12s hint: %s%n", "", "", hint);
        }
        out.flush();
    }

    private static String label(Check check) {
        return switch (check) {
            case ENGINE -> "engine";
            case BUILDER -> "builder";
            case REGISTRY -> "registry";
            case RATE_LIMIT -> "pull quota";
            case BASE_IMAGES -> "base image";
            case CONTEXT -> "context";
            case TAGS -> "tag";
            case SIGNING_KEY -> "signing key";
        };
    }
}
