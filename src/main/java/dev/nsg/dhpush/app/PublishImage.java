package dev.nsg.dhpush.app;

import java.time.Clock;
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
import dev.nsg.dhpush.context.BuildContext;
import dev.nsg.dhpush.engine.BuildRequest;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.ImageInfo;
import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;

/** The publish use case: plan, build with every tag, push each tag, report the pushed digests. */
@ApplicationScoped
public class PublishImage {

    private final ObjectMapper json;
    private final VerifyTags verifier;
    private final Clock clock;

    PublishImage(ObjectMapper json, VerifyTags verifier) {
        this.json = json;
        this.verifier = verifier;
        this.clock = Clock.systemUTC();
    }

    /** Checks the inputs and scans the context; nothing is sent anywhere. */
    public PublishPlan plan(PublishSettings settings, Map<String, String> environment) {
        BuildContext context = BuildContext.scan(settings.context(), settings.dockerfile());
        Map<String, String> labels = ImageMetadata.labels(ImageMetadata.titleOf(settings.repository().path()),
                settings.tags().get(0).value(), environment, context.directory(), clock);
        labels.putAll(settings.labels());
        DockerfileInstructions dockerfile = DockerfileInstructions.parse(ImageMetadata.readDockerfile(
                settings.dockerfile() != null ? settings.dockerfile() : context.directory().resolve("Dockerfile")));
        Map<String, String> buildArgs = new LinkedHashMap<>(ImageMetadata.buildArgs(dockerfile, labels));
        buildArgs.putAll(settings.buildArgs());
        Set<String> setByDockerfile = DockerfileLabels.alreadySet(dockerfile, settings.target(), labels, buildArgs);
        return new PublishPlan(settings.repository(), settings.tags(), context, buildArgs, labels, setByDockerfile, settings);
    }

    /**
     * Docker Hub refuses anonymous pushes: say so before a build that could take minutes, not after it.
     * Other registries (a local one, say) may accept pushes without credentials.
     */
    public void requirePushCredentials(ImageReference repository, Optional<Credentials> credentials) {
        if (repository.isDockerHub() && credentials.isEmpty()) {
            throw new AuthRefusedException("push " + repository.fullName() + ": no Docker Hub credentials found",
                    "set DOCKER_HUB_USER and DOCKER_HUB_KEY (an access token with Read & Write scope), "
                            + "use --username with --password-stdin, or run docker login");
        }
    }

    /** Which parts of the run to do. */
    public enum Steps { BUILD, BUILD_PUSH_VERIFY }

    /**
     * Builds the image with every tag of the plan and, for {@link Steps#BUILD_PUSH_VERIFY}, pushes each tag in turn
     * and proves the registry serves them. A failure stops the run at once and names the step and image.
     */
    public List<PushedTag> run(PublishPlan plan, Steps steps, DockerEngine engine, Optional<Credentials> credentials,
            RegistryAccess access, PublishListener listener) {
        PendingRegistryClient registry = steps == Steps.BUILD_PUSH_VERIFY
                ? verifier.openInBackground(plan.repository(), credentials, access) : null;
        listener.phase("build", plan.imageNames().get(0) + " from " + plan.context().directory()
                + " (" + engine.describe() + ")");
        long started = System.nanoTime();
        String imageId = engine.build(buildRequest(plan, credentials), listener);
        listener.built(imageId, millisSince(started));
        checkLabelsSetByDockerfile(plan, imageId, engine, listener);
        if (steps == Steps.BUILD) {
            return List.of();
        }
        return pushAndVerify(plan.repository(), plan.tags(), engine, credentials, registry, listener);
    }

    /**
     * The labels left to the Dockerfile are read back from the built image: an ENV in the base image named like the
     * build arg would have won over it, and dhpush cannot see the base image beforehand.
     */
    private static void checkLabelsSetByDockerfile(PublishPlan plan, String imageId, DockerEngine engine,
            PublishListener listener) {
        if (plan.labelsSetByDockerfile().isEmpty()) {
            return;
        }
        Map<String, String> actual = engine.inspect(imageId).map(ImageInfo::labels).orElse(Map.of());
        for (String key : plan.labelsSetByDockerfile()) {
            String expected = plan.labels().get(key);
            if (!expected.equals(actual.get(key))) {
                listener.notice("label " + key + " came out as \"" + actual.get(key) + "\", not \""
                        + expected + "\": its value in the Dockerfile did not come from the build arg "
                        + "(an ENV of the same name in the base image wins); rename the ARG");
            }
        }
    }

    /** Pushes tags already built, then verifies them on the registry. */
    public List<PushedTag> pushAndVerify(ImageReference repository, List<Tag> tags, DockerEngine engine,
            Optional<Credentials> credentials, RegistryAccess access, PublishListener listener) {
        return pushAndVerify(repository, tags, engine, credentials, verifier.openInBackground(repository, credentials, access), listener);
    }

    private List<PushedTag> pushAndVerify(ImageReference repository, List<Tag> tags, DockerEngine engine,
            Optional<Credentials> credentials, PendingRegistryClient registry, PublishListener listener) {
        List<PushedTag> pushed = push(repository, tags, engine, credentials, listener);
        verifier.verifyPushed(pushed, registry, listener);
        return pushed;
    }

    /** Pushes tags already built; stops at the first failure, which names the tag. */
    private List<PushedTag> push(ImageReference repository, List<Tag> tags, DockerEngine engine,
            Optional<Credentials> credentials, PublishListener listener) {
        String auth = RegistryAuth.header(credentials, repository.authConfigKey(), json);
        List<PushedTag> pushed = new ArrayList<>();
        for (Tag tag : tags) {
            listener.phase("push", repository.withTag(tag) + credentials.map(found -> " as " + found.username()).orElse(" anonymously"));
            long started = System.nanoTime();
            PushedTag result = new PushedTag(repository, tag, engine.push(repository.engineName(), tag.value(), auth, listener));
            listener.pushed(result, millisSince(started));
            pushed.add(result);
        }
        return pushed;
    }

    private BuildRequest buildRequest(PublishPlan plan, Optional<Credentials> credentials) {
        PublishSettings settings = plan.settings();
        String registryConfig = credentials
                .map(found -> RegistryAuth.buildConfig(found, plan.repository().authConfigKey(), json))
                .orElse(null);
        return new BuildRequest(plan.context(), plan.imageNames(), plan.buildArgs(), plan.labelsToAdd(),
                settings.target(), settings.pull(), settings.noCache(), settings.network(), settings.platform(), registryConfig);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
