package dev.nsg.dhpush.cli;

import java.util.List;
import java.util.Optional;

import dev.nsg.dhpush.app.PublishImage;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.app.PushPolicy;
import dev.nsg.dhpush.app.VerifiedTag;
import dev.nsg.dhpush.auth.Credentials;
import picocli.CommandLine.Model.CommandSpec;

/** The run shared by {@code dhpush} and {@code dhpush build}: plan, then print it or carry it out. */
final class BuildRun {

    private BuildRun() {
    }

    /** @param push the push options, or null for a build alone */
    static int execute(CommandSpec spec, TargetOptions target, BuildOptions build, PushOptions push, Services services,
            PublishImage.Steps steps) {
        Environment environment = services.environment;
        build.checkStdin(target.registry.passwordStdin);
        RecordingListener listener = new RecordingListener(target.listener(spec, environment));
        if (push != null && !build.dryRun) {
            push.results.checkWritable();
        }
        PushPolicy policy = push == null ? PushPolicy.DEFAULT : push.policy(environment, services.json);
        PublishPlan plan = services.publish.plan(build.settings(target.repositoryRequest(environment), target.tagList(environment),
                environment), environment.source());
        boolean pushes = steps == PublishImage.Steps.BUILD_PUSH_VERIFY;
        if (build.dryRun && !pushes) {
            services.publish.dryRun(plan, steps, Optional.empty(), target.access(environment), listener);
            return 0;
        }
        // For a build alone, credentials still serve to pull private base images from the same registry.
        Optional<Credentials> credentials = target.credentials(services, plan.repository());
        if (build.dryRun) {
            services.publish.dryRun(plan, steps, credentials, target.access(environment), listener);
            policy.signingKey().ifPresent(key -> listener.notice("the signing key " + key.source()
                    + " opens and signs: the verified digest would be signed with it"));
            return 0;
        }
        List<VerifiedTag> verified = services.publish.run(plan, steps, target.connect(services, listener), credentials,
                target.dockerHubPulls(services, plan.repository(), credentials), target.access(environment),
                policy, listener);
        if (push != null) {
            push.results.write(verified, listener);
        } else if (target.output.quiet && listener.imageId() != null) {
            // As docker build -q: the image ID is the one line on stdout.
            spec.commandLine().getOut().println(listener.imageId());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
