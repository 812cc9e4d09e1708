package dev.nsg.dhpush.cli;

import java.util.List;

import dev.nsg.dhpush.app.ChosenRepository;
import dev.nsg.dhpush.app.PushPolicy;
import dev.nsg.dhpush.app.VerifiedTag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dhpush push}: push tags already built in the engine (by dhpush build or docker build). */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Push the image of the first --tag under every --tag, then verify them on the registry.",
        description = "The other tags are pointed at the first tag's image locally before the push, so every tag names one"
                + " image. Push access is proven before anything is pushed.",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n")
class PushCommand extends TargetedCommand {

    @Mixin
    PushOptions push;

    @Override
    public Integer call() {
        Environment environment = services.environment;
        RecordingListener listener = new RecordingListener(target.listener(spec, environment));
        push.results.checkWritable();
        PushPolicy policy = push.policy(environment, services.json);
        var tags = target.tagList(environment);
        ChosenRepository repository = target.chosenRepository(environment);
        var credentials = target.credentials(services, repository.reference());
        List<VerifiedTag> verified = services.publish.pushBuilt(repository, tags, target.connect(services, listener), credentials, target.access(environment),
                policy, listener);
        push.results.write(verified, listener);
        return 0;
    }
}
