package dev.nsg.dhpush.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.nsg.dhpush.model.Tag;
import picocli.CommandLine.Option;

/** The tags of a run: every --tag, else $BITBUCKET_BUILD_NUMBER; --latest adds latest. */
class TagOptions {

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG",
            description = "Tag to work on; repeatable (default: $BITBUCKET_BUILD_NUMBER).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--latest", description = "Also 'latest'.")
    boolean latest;

    List<Tag> tags(Environment environment) {
        List<Tag> found = tagsIfAny(environment);
        if (found.isEmpty()) {
            throw new UsageFailure("no tag: none given and BITBUCKET_BUILD_NUMBER is not set",
                    "pass --tag TAG (repeatable), e.g. dhpush --tag 1.0");
        }
        return found;
    }

    /** The tags given, else the build number's, else none (doctor then skips the tag check). */
    List<Tag> tagsIfAny(Environment environment) {
        Set<String> names = new LinkedHashSet<>(tags);
        if (names.isEmpty()) {
            String buildNumber = environment.buildNumber();
            if (buildNumber == null) {
                return List.of(); // --latest alone names no build: publish refuses it, doctor skips the tag check
            }
            names.add(buildNumber.strip());
        }
        if (latest) {
            names.add("latest");
        }
        return names.stream().map(Tag::of).toList();
    }
}
