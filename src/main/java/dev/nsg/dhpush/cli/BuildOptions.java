package dev.nsg.dhpush.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nsg.dhpush.app.PublishSettings;
import dev.nsg.dhpush.app.RepositoryRequest;
import dev.nsg.dhpush.engine.BuildFlags;
import dev.nsg.dhpush.model.Tag;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The docker build options dhpush passes to the engine. */
class BuildOptions {

    @Option(names = "--dry-run", description = "Print the plan (the repository and why, names, tags, labels, context size) and change nothing;"
            + " without a command, also prove push access and show what the registry holds for each tag.")
    boolean dryRun;

    @Mixin
    ContextOptions source;

    @Option(names = "--build-arg", paramLabel = "KEY=VALUE",
            description = "Build argument; repeatable. KEY alone takes the value from the environment, as docker does.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "Image label; repeatable; overrides the automatic org.opencontainers.image.* labels.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "Build only up to this stage of a multi-stage Dockerfile.")
    String target;

    @Option(names = "--pull", description = "Always try to pull newer versions of the base images.")
    boolean pull;

    @Option(names = "--no-cache", description = "Do not use the engine's build cache.")
    boolean noCache;

    @Option(names = "--network", paramLabel = "MODE", description = "Network for RUN instructions (e.g. host, none).")
    String network;

    @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Target platform, where the engine supports it (e.g. linux/amd64).")
    String platform;

    @Mixin
    BuilderOptions builder;

    /** Standard input can carry the Dockerfile or the password, not both. */
    void checkStdin(boolean passwordStdin) {
        if (source.readsStdin() && passwordStdin) {
            throw new UsageFailure("-f - and --password-stdin both read standard input",
                    "pass the Dockerfile as a file, or the credentials as DOCKER_HUB_USER and DOCKER_HUB_KEY");
        }
    }

    PublishSettings settings(RepositoryRequest repository, List<Tag> tags, Environment environment) {
        BuildFlags flags = BuildFlags.builder().target(target).pull(pull).noCache(noCache).network(network).platform(platform).build();
        return PublishSettings.builder().repository(repository).tags(tags).context(source.context).dockerfile(source.dockerfile())
                .buildArgs(buildArgs(environment)).labels(labels()).flags(flags).builderChoice(builder.builderChoice(environment))
                .secrets(builder.secrets(environment)).cacheFrom(builder.cacheFrom()).stateDirectory(environment.stateDirectory()).build();
    }

    private Map<String, String> buildArgs(Environment environment) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : buildArgs) {
            int equals = arg.indexOf('=');
            if (equals == 0) {
                throw new UsageFailure("invalid --build-arg \"" + arg + "\": the name is empty", "write --build-arg KEY=VALUE or --build-arg KEY");
            }
            if (equals > 0) {
                args.put(arg.substring(0, equals), arg.substring(equals + 1));
            } else {
                // As docker: KEY alone passes the environment's value, and is left out when the variable is unset.
                String value = environment.raw(arg);
                if (value != null) {
                    args.put(arg, value);
                }
            }
        }
        return args;
    }

    private Map<String, String> labels() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String label : labels) {
            int equals = label.indexOf('=');
            if (equals <= 0) {
                throw new UsageFailure("invalid --label \"" + label + "\": expected KEY=VALUE", "write --label KEY=VALUE");
            }
            map.put(label.substring(0, equals), label.substring(equals + 1));
        }
        return map;
    }
}
