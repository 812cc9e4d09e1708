package dev.nsg.dhpush.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.auth.RegistryAuth;
import dev.nsg.dhpush.buildkit.BuildKitBuilder;
import dev.nsg.dhpush.buildkit.BuildKitOptions;
import dev.nsg.dhpush.context.BuildContext;
import dev.nsg.dhpush.engine.BuildRequest;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.ImageInfo;
import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.AuthRefusedException.Refusal;
import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.DockerHub;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.ManifestHead;
import dev.nsg.dhpush.registry.PushAccess;
import dev.nsg.dhpush.registry.RegistryClient;
import dev.nsg.dhpush.dockerfile.DockerfileInstructions;
import dev.nsg.dhpush.dockerfile.DockerfileLabels;

/**
 * The publish use case: plan; prove push access before anything is built; build with every tag; push one image under
 * every tag; prove the registry serves it. Also pushes images already built, under the same rules.
 */
@ApplicationScoped
public class PublishImage {

    private final ObjectMapper json;
    private final VerifyTags verifier;
    private final PushTags pushTags;
    private final Clock clock;

    PublishImage(ObjectMapper json, VerifyTags verifier, PushTags pushTags) {
        this.json = json;
        this.verifier = verifier;
        this.pushTags = pushTags;
        this.clock = Clock.systemUTC();
    }

    /** Checks the inputs, chooses the repository and scans the context; nothing is sent anywhere. */
    public PublishPlan plan(PublishSettings settings, SourceInfo source) {
        BuildContext context = BuildContext.scan(settings.context(), settings.dockerfile());
        DockerfileInstructions dockerfile = DockerfileInstructions.read(context.dockerfile());
        ChosenRepository target = ProjectRepository.choose(settings.repository(), context.directory(), context.dockerfile(),
                dockerfile, settings.flags().target());
        // The title the Dockerfile declares stays the image's title, even when the repository is named otherwise.
        String title = DockerfileLabels.literal(dockerfile, settings.flags().target(), ProjectRepository.TITLE_LABEL)
                .orElseGet(() -> ImageMetadata.titleOf(target.reference().path()));
        String version = settings.tags().isEmpty() ? null : settings.tags().get(0).value();
        Map<String, String> labels = ImageMetadata.labels(title, version, source, context.directory(), clock);
        labels.putAll(settings.labels());
        Map<String, String> buildArgs = new LinkedHashMap<>(ImageMetadata.buildArgs(dockerfile, labels));
        buildArgs.putAll(settings.buildArgs());
        Set<String> setByDockerfile = DockerfileLabels.alreadySet(dockerfile, settings.flags().target(), labels, buildArgs);
        BuilderChoice builder = builderAsked(settings, context);
        if (builder.kind() == BuilderChoice.Kind.CLASSIC) {
            // The classic builder's tar: every file checked readable now, before the engine or a registry is asked.
            context.walk();
        } else {
            // BuildKit may well build: its session's classes load on another core while the plan, the engine's answer
            // and the preflight take their time on this one.
            BuildKitBuilder.warmUp();
        }
        return new PublishPlan(target, settings.tags(), context, buildArgs, labels, setByDockerfile, dockerfile, settings, builder);
    }

    /** The command line or environment, else the project's settings file, else auto. */
    private static BuilderChoice builderAsked(PublishSettings settings, BuildContext context) {
        if (settings.builderChoice() != null) {
            return settings.builderChoice();
        }
        return ProjectSettings.read(context.directory())
                .filter(project -> project.builder() != null)
                .map(project -> new BuilderChoice(project.builder(), project.file().toString()))
                .orElse(BuilderChoice.DEFAULT);
    }

    /**
     * Which builder runs: asked of the engine for auto. Secrets can only be mounted by BuildKit, so asking for them
     * with the classic builder stops the run here, before anything is built.
     */
    ChosenBuilder chooseBuilder(PublishPlan plan, DockerEngine engine) {
        ChosenBuilder chosen = ChosenBuilder.choose(plan.builder(), engine.prefersBuildKit());
        if (!chosen.buildKit()) {
            refuseSecretsWithTheClassicBuilder(plan);
        }
        return chosen;
    }

    private static void refuseSecretsWithTheClassicBuilder(PublishPlan plan) {
        if (!plan.settings().secrets().isEmpty()) {
            throw new InvalidInputException(Problem.BUILDKIT_NEEDED, plan.settings().secrets().get(0).id(), "build "
                    + plan.imageNames().get(0) + ": build secrets need BuildKit, and this build uses the classic builder");
        }
    }

    /** Which parts of the run to do. */
    public enum Steps { BUILD, BUILD_PUSH_VERIFY }

    /**
     * --dry-run: prints the plan and, for a run that pushes, proves push access and shows what the registry holds for
     * each tag now. Nothing is built, tagged or pushed.
     */
    public void dryRun(PublishPlan plan, Steps steps, Optional<Credentials> credentials, RegistryAccess access,
            PublishListener listener) {
        listener.plan(plan);
        if (steps == Steps.BUILD) {
            return;
        }
        try (RegistryClient registry = preflight(plan.repository(), credentials, access, listener)) {
            for (Tag tag : plan.tags()) {
                Optional<Digest> held = registry.headManifest("look up", tag.value()).map(ManifestHead::digest);
                listener.tagState(new TagState(tag, held.isPresent() ? TagState.Kind.EXISTS : TagState.Kind.NEW, held.orElse(null)));
            }
        }
    }

    /**
     * Builds the image with every tag of the plan and, for {@link Steps#BUILD_PUSH_VERIFY}, first proves push access,
     * then pushes it under each tag and proves the registry serves it. A failure stops the run at once and names the
     * step and image.
     */
    /**
     * @param dockerHubPulls credentials for pulling Docker Hub base images when the target is another registry, or empty
     */
    public List<VerifiedTag> run(PublishPlan plan, Steps steps, DockerEngine engine, Optional<Credentials> credentials,
            Optional<Credentials> dockerHubPulls, RegistryAccess access, PushPolicy policy, PublishListener listener) {
        listener.target(plan.target());
        Instant runStarted = Instant.now(clock);
        if (plan.builder().kind() == BuilderChoice.Kind.CLASSIC) {
            refuseSecretsWithTheClassicBuilder(plan);
        }
        try (RegistryClient registry = steps == Steps.BUILD_PUSH_VERIFY ? preflight(plan.repository(), credentials, access, listener) : null) {
            Path dockerfile = plan.context().dockerfile();
            listener.phase("build", plan.imageNames().get(0) + " from " + plan.context().directory()
                    + (dockerfile.equals(plan.context().directory().resolve("Dockerfile")) ? "" : " with " + dockerfile)
                    + " (" + engine.describe() + ")");
            ChosenBuilder builder = chooseBuilder(plan, engine);
            listener.builder(builder);
            long started = System.nanoTime();
            String imageId = build(plan, builder, engine, pullCredentials(plan.repository(), credentials, dockerHubPulls), listener);
            listener.built(imageId, (System.nanoTime() - started) / 1_000_000);
            if (steps == Steps.BUILD && plan.labelsSetByDockerfile().isEmpty()) {
                return List.of();
            }
            ImageInfo image = engine.inspect(imageId).orElseThrow(() -> new BuildFailedException(BuildFailedException.Reason.NO_IMAGE, null,
                    "build " + plan.imageNames().get(0) + ": the engine has no image " + imageId + " right after building it",
                    plan.context().dockerfile(), null, null, List.of()));
            checkLabelsSetByDockerfile(plan, image, listener);
            if (steps == Steps.BUILD) {
                return List.of();
            }
            Optional<BuildRecord> record = policy.signingKey().isEmpty() ? Optional.empty()
                    : Optional.of(new BuildRecord(plan, builder, engine.describe(), ProvenanceFacts.baseImages(plan, engine), runStarted));
            return pushTags.publish(new PushJob(plan.repository(), plan.tags(), image, List.of(), engine, credentials,
                    registry, policy, record), listener);
        }
    }

    /**
     * Pushes tags already built: one image under all of them, the one the first tag names (the others are pointed at
     * it locally first), after the same preflight as a full run.
     */
    public List<VerifiedTag> pushBuilt(ChosenRepository target, List<Tag> tags, DockerEngine engine,
            Optional<Credentials> credentials, RegistryAccess access, PushPolicy policy, PublishListener listener) {
        listener.target(target);
        ImageReference repository = target.reference();
        String first = repository.withTag(tags.get(0));
        ImageInfo image = engine.inspect(first).orElseThrow(() -> new InvalidInputException(Problem.IMAGE_NOT_BUILT,
                tags.get(0).value(), "push " + first + ": this engine has no such image (the tag was never built here)"));
        List<Tag> retag = new ArrayList<>();
        for (Tag tag : tags.subList(1, tags.size())) {
            Optional<ImageInfo> named = engine.inspect(repository.withTag(tag));
            if (named.isEmpty() || !named.get().id().equals(image.id())) {
                retag.add(tag);
            }
        }
        try (RegistryClient registry = preflight(repository, credentials, access, listener)) {
            return pushTags.publish(new PushJob(repository, tags, image, retag, engine, credentials, registry, policy, Optional.empty()), listener);
        }
    }

    /**
     * Proves, before any build or push, that the registry answers (else exit 8), takes the credentials and grants push
     * on the repository (else exit 5). Docker Hub refuses anonymous pushes: that is said without asking it.
     */
    RegistryClient preflight(ImageReference repository, Optional<Credentials> credentials, RegistryAccess access,
            PublishListener listener) {
        if (repository.isDockerHub() && credentials.isEmpty()) {
            throw new AuthRefusedException(AuthRefusedException.Reason.NO_CREDENTIALS,
                    new Refusal(repository.registry(), true, repository.path(), "push", null, null, null, null),
                    "push " + repository.fullName() + ": no Docker Hub credentials found");
        }
        RegistryClient registry = verifier.open(repository, credentials, true, access);
        try {
            PushAccess proven = registry.provePushAccess();
            listener.preflight(new ProvenAccess(repository, proven, credentials.map(Credentials::username).orElse(null),
                    credentials.map(Credentials::source).orElse(null)));
            return registry;
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /**
     * The classic builder reads a heredoc's body as instructions of their own ("unknown instruction: ECHO"): where the
     * Dockerfile has one, that parse error is the heredoc, which only BuildKit reads.
     */
    private String build(PublishPlan plan, ChosenBuilder builder, DockerEngine engine, Map<String, Credentials> pulls,
            PublishListener listener) {
        if (builder.buildKit()) {
            try {
                return BuildKitBuilder.build(engine, buildKitRequest(plan), new BuildKitOptions(plan.settings().secrets(),
                        plan.settings().cacheFrom(), pulls, plan.settings().stateDirectory().resolve("buildkit-node-id")), listener);
            } catch (BuildFailedException e) {
                // An engine whose authorization plugin refuses BuildKit (its session or its build request) before anything
                // was built: where BuildKit was only the engine's default, the classic builder still builds the image.
                if (e.reason() != BuildFailedException.Reason.ENGINE_POLICY || builder.asked().kind() != BuilderChoice.Kind.AUTO
                        || !plan.settings().secrets().isEmpty()) {
                    throw e;
                }
                listener.notice(e.getMessage() + "; building with the classic builder instead");
            }
        }
        // Walks the context if auto chose the classic builder: BuildKit's daemon asks only for the paths it reads.
        plan.context().skipped().forEach(name -> listener.notice("build context: skipping \"" + name
                + "\": a socket cannot be sent (docker build leaves it out too)"));
        try {
            return engine.build(buildRequest(plan, pulls), listener);
        } catch (BuildFailedException e) {
            if (e.reason() == BuildFailedException.Reason.DOCKERFILE && plan.usesHeredocs()) {
                throw new BuildFailedException(BuildFailedException.Reason.BUILDKIT_ONLY, "heredoc", e.getMessage()
                        + " (a heredoc: only BuildKit reads them)", e.dockerfile(), e.line(), e.step(), e.stepOutput());
            }
            throw e;
        }
    }

    /**
     * The labels left to the Dockerfile are read back from the built image: an ENV in the base image named like the
     * build arg would have won over it, and dhpush cannot see the base image beforehand.
     */
    private static void checkLabelsSetByDockerfile(PublishPlan plan, ImageInfo image, PublishListener listener) {
        for (String key : plan.labelsSetByDockerfile()) {
            String expected = plan.labels().get(key);
            String actual = image.labels().get(key);
            if (!expected.equals(actual)) {
                listener.notice("label " + key + " came out as \"" + actual + "\", not \"" + expected
                        + "\": its value in the Dockerfile did not come from the build arg "
                        + "(an ENV of the same name in the base image wins); rename the ARG");
            }
        }
    }

    /** Who base images are pulled as: the target registry's user there, and on Docker Hub the Docker Hub user. */
    private static Map<String, Credentials> pullCredentials(ImageReference target, Optional<Credentials> credentials,
            Optional<Credentials> dockerHubPulls) {
        Map<String, Credentials> pulls = new LinkedHashMap<>();
        credentials.ifPresent(found -> pulls.put(target.authConfigKey(), found));
        if (!target.isDockerHub()) {
            dockerHubPulls.ifPresent(found -> pulls.put(DockerHub.AUTH_CONFIG_KEY, found));
        }
        return pulls;
    }

    /**
     * BuildKit adds its inline cache metadata to the image config when asked ({@code BUILDKIT_INLINE_CACHE}), so a
     * build on an empty engine can reuse a pushed image's layers with {@code cachefrom}; a user's own value wins.
     */
    private static BuildRequest buildKitRequest(PublishPlan plan) {
        Map<String, String> buildArgs = new LinkedHashMap<>();
        buildArgs.put("BUILDKIT_INLINE_CACHE", "1");
        buildArgs.putAll(plan.buildArgs());
        return new BuildRequest(plan.context(), plan.imageNames(), buildArgs, plan.labelsToAdd(), plan.settings().flags(), null);
    }

    private BuildRequest buildRequest(PublishPlan plan, Map<String, Credentials> pulls) {
        String registryConfig = pulls.isEmpty() ? null : RegistryAuth.buildConfig(pulls, json);
        return new BuildRequest(plan.context(), plan.imageNames(), plan.buildArgs(), plan.labelsToAdd(), plan.settings().flags(),
                registryConfig);
    }
}
