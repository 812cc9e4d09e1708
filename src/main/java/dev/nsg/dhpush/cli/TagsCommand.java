package dev.nsg.dhpush.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.nsg.dhpush.app.ChosenRepository;
import dev.nsg.dhpush.app.ProjectRepository;
import dev.nsg.dhpush.model.ImageReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dhpush tags}: every tag the registry holds for the repository, one per line. */
@Command(name = "tags", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "List every tag the registry holds for the repository, following pagination to the end.",
        description = "A repository the registry does not know is exit 7, not an empty list.",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n")
class TagsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--json", description = "Write one JSON event with the repository and its tags to stdout.")
    boolean json;

    @Inject
    Services services;

    @Override
    public Integer call() {
        Environment environment = services.environment;
        ChosenRepository chosen = ProjectRepository.choose(registry.request(environment), Path.of(""));
        ImageReference repository = chosen.reference();
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("==> tags " + repository.fullName() + " (" + Provenance.of(chosen) + ")");
            err.flush();
        }
        List<String> tags = services.verify.listTags(repository, registry.credentials(services.credentials, repository, environment, System.in),
                registry.access(environment));
        if (json) {
            new JsonReporter(out).tags(repository.fullName(), tags);
        } else {
            tags.forEach(out::println);
            out.flush();
        }
        return 0;
    }
}
