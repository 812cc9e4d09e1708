package dev.nsg.dhpush.cli;

import java.util.Optional;

import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.model.ImageReference;
import picocli.CommandLine.Command;

/** {@code dhpush push}: push tags already built in the engine (by dhpush build or docker build). */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Push tags already built in the engine, then verify them on the registry.",
        synopsisHeading = "%nUsage: ", optionListHeading = "%nOptions:%n")
class PushCommand extends TargetedCommand {

    @Override
    public Integer call() {
        PublishListener listener = target.listener(spec);
        ImageReference repository = target.repository();
        var tags = target.tagList();
        Optional<Credentials> credentials = target.credentials(services, repository);
        services.publish.requirePushCredentials(repository, credentials);
        services.publish.pushAndVerify(repository, tags, target.connect(services), credentials, target.access(), listener);
        return 0;
    }
}
