package dev.nsg.dhpush.cli;

import java.util.Optional;

import jakarta.inject.Inject;

import dev.nsg.dhpush.app.PublishCheckup;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.PublishPlan;
import dev.nsg.dhpush.failure.DhpushException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dhpush doctor}: every check a publish would meet, without building or pushing anything. */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Check, without building, that a publish with the same options would work.",
        description = {"One line per check, in order: the engine (address, version, API); the registry (reachable, the"
                + " credential source used and whether it was accepted, push access to the repository, proven as a publish"
                + " proves it); the pull quota where the registry reports it; the base images the Dockerfile's FROM lines name"
                + " and whether the engine has them; the build context (totals, largest files, warnings as dhpush context gives"
                + " them); the tags a publish would move; and the signing key (--sign-key or DHPUSH_SIGN_KEY), opened as a publish"
                + " opens it.",
                "",
                "Every check runs; a failed one only skips those that need it, and without --tag (or BITBUCKET_BUILD_NUMBER)"
                + " the tag check is skipped. Exit 0 when every check holds, else the exit code of the first failure."
                + " Warnings do not fail. --quiet prints only failed checks and the one-line verdict."},
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n")
class DoctorCommand extends TargetedCommand {

    @Mixin
    BuildOptions build;

    @Mixin
    SigningOptions signing;

    @Inject
    PublishCheckup checkup;

    @Override
    public Integer call() {
        if (build.dryRun) {
            throw new UsageFailure("dhpush doctor changes nothing already: --dry-run does not apply", "leave --dry-run out");
        }
        Environment environment = services.environment;
        build.checkStdin(target.registry.passwordStdin);
        PublishPlan plan = services.publish.plan(build.settings(target.repositoryRequest(environment), target.tagListIfAny(environment),
                environment), environment.source());
        DoctorReport report = DoctorReport.of(target.output, spec.commandLine().getOut(), plan);
        // Waiting for the engine is said by the engine check's own line; nothing else reports while checks run.
        PublishListener quiet = ignored -> { };
        Optional<DhpushException> failure = checkup.run(plan, () -> target.connect(services, quiet),
                () -> target.credentials(services, plan.repository()), target.access(environment),
                () -> signing.key(environment, services.json), report);
        report.finish(failure);
        return failure.map(e -> e.exitCode().code()).orElse(0);
    }
}
