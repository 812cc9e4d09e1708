package dev.nsg.dhpush.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dhpush verify}: does the registry serve this tag with this digest? Exit 0 or 7. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Check that the registry serves each --tag with the expected digest (a manifest HEAD: no pull counted).",
        synopsisHeading = "%nUsage: ", optionListHeading = "%nOptions:%n")
class VerifyCommand extends TargetedCommand {

    @Option(names = "--digest", paramLabel = "sha256:…",
            description = "The digest to expect (default: the repo digest the local engine recorded for the tag).")
    String digest;

    @Override
    public Integer call() {
        PublishListener listener = target.listener(spec);
        ImageReference repository = target.repository();
        Optional<Digest> given = Optional.ofNullable(digest).map(Digest::of);
        Map<Tag, Digest> expected = new LinkedHashMap<>();
        DockerEngine engine = given.isPresent() ? null : target.connect(services);
        for (Tag tag : target.tagList()) {
            expected.put(tag, given.orElseGet(() -> services.verify.localRepoDigest(engine, repository, tag)));
        }
        Optional<Credentials> credentials = target.credentials(services, repository);
        services.verify.verify(repository, expected, credentials, target.access(), listener);
        return 0;
    }
}
