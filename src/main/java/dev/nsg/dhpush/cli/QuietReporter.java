package dev.nsg.dhpush.cli;

import java.io.PrintWriter;

import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.app.VerifiedTag;

/** --quiet: only the verified images on stdout; failures still reach stderr through the failure reporter. */
final class QuietReporter implements PublishListener {

    private final PrintWriter out;

    QuietReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void plan(PublishPlan plan) {
        plan.imageNames().forEach(out::println);
        out.flush();
    }

    @Override
    public void verified(VerifiedTag tag) {
        out.println(tag.pinned());
        out.flush();
    }
}
