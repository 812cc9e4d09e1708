package dev.nsg.dhpush.cli;

import java.util.Optional;

import dev.nsg.dhpush.app.PublishImage;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.model.ImageReference;
import picocli.CommandLine.Model.CommandSpec;

/** The run shared by {@code dhpush} and {@code dhpush build}: plan, then print it or carry it out. */
final class BuildRun {

    private BuildRun() {
    }

    static int execute(CommandSpec spec, TargetOptions target, BuildOptions build, Services services, PublishImage.Steps steps) {
        PublishListener listener = target.listener(spec);
        ImageReference repository = target.repository();
        PublishPlan plan = services.publish.plan(build.settings(repository, target.tagList()), System.getenv());
        if (build.dryRun) {
            listener.plan(plan);
            return 0;
        }
        Optional<Credentials> credentials = target.credentials(services, repository);
        if (steps == PublishImage.Steps.BUILD_PUSH_VERIFY) {
            services.publish.requirePushCredentials(repository, credentials);
        }
        // For a build alone, credentials still serve to pull private base images from the same registry.
        services.publish.run(plan, steps, target.connect(services), credentials, target.access(), listener);
        return 0;
    }
}
