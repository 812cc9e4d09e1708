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
        Set<String> names = new LinkedHashSet<>(tags);
        if (names.isEmpty()) {
            String buildNumber = environment.buildNumber();
            if (buildNumber == null) {
                throw new UsageFailure("no tag: none given and BITBUCKET_BUILD_NUMBER is not set",
                        "pass --tag TAG (repeatable), e.g. dhpush --tag 1.0");
            }
            names.add(buildNumber.strip());
        }
        if (latest) {
            names.add("latest");
        }
        return names.stream().map(Tag::of).toList();
    }
}
