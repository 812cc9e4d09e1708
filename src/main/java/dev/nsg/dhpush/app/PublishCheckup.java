package dev.nsg.dhpush.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.nsg.dhpush.app.CheckupListener.Check;
import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.failure.DhpushException;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.ManifestHead;
import dev.nsg.dhpush.registry.RateLimit;
import dev.nsg.dhpush.registry.RegistryClient;
import dev.nsg.dhpush.signing.SigningKey;
import dev.nsg.dhpush.dockerfile.BaseImages;
import dev.nsg.dhpush.dockerfile.BaseImage;

/**
 * "Will my publish work?", answered without building: every check of a run's plan runs, each reported as it ends, and a
 * failure only skips the checks that need it. The first failure decides the exit code.
 */
@ApplicationScoped
public class PublishCheckup {

    private final PublishImage publish;

    PublishCheckup(PublishImage publish) {
        this.publish = publish;
    }

    /** @return the first failure, or empty when every check held */
    public Optional<DhpushException> run(PublishPlan plan, Supplier<DockerEngine> engines,
            Supplier<Optional<Credentials>> credentials, RegistryAccess access, Supplier<Optional<SigningKey>> signingKey,
            CheckupListener listener) {
        List<DhpushException> failures = new ArrayList<>();
        DockerEngine engine = null;
        try {
            engine = engines.get();
            listener.engine(engine.describe());
        } catch (DhpushException e) {
            engine = null;
            fail(Check.ENGINE, e, failures, listener);
        }
        if (engine == null) {
            listener.skipped(Check.BUILDER, Check.ENGINE);
        } else {
            try {
                listener.builder(publish.chooseBuilder(plan, engine));
            } catch (DhpushException e) {
                fail(Check.BUILDER, e, failures, listener);
            }
        }
        List<TagState> states = new ArrayList<>();
        RateLimit rateLimit = new RateLimit(null, null, null);
        try (RegistryClient registry = publish.preflight(plan.repository(), credentials.get(), access, proven(listener))) {
            for (Tag tag : plan.tags()) {
                Optional<ManifestHead> held = registry.headManifest("look up", tag.value());
                states.add(new TagState(tag, held.isPresent() ? TagState.Kind.EXISTS : TagState.Kind.NEW,
                        held.map(ManifestHead::digest).orElse(null)));
                if (held.isPresent() && held.get().rateLimit() != null && held.get().rateLimit().isKnown()) {
                    rateLimit = held.get().rateLimit();
                }
            }
        } catch (DhpushException e) {
            fail(Check.REGISTRY, e, failures, listener);
            states = null;
        }
        if (states == null) {
            listener.skipped(Check.RATE_LIMIT, Check.REGISTRY);
        } else {
            listener.rateLimit(rateLimit);
        }
        List<BaseImage> bases = BaseImages.named(plan.dockerfile(), plan.buildArgs());
        if (engine == null) {
            listener.skipped(Check.BASE_IMAGES, Check.ENGINE);
        } else {
            try {
                List<BaseImage> checked = new ArrayList<>();
                for (BaseImage base : bases) {
                    checked.add(new BaseImage(base.name(), base.resolved(), base.resolved() && engine.inspect(base.name()).isPresent()));
                }
                listener.baseImages(checked);
            } catch (DhpushException e) {
                fail(Check.BASE_IMAGES, e, failures, listener);
            }
        }
        listener.context(plan.context());
        if (states == null) {
            listener.skipped(Check.TAGS, Check.REGISTRY);
        } else if (plan.tags().isEmpty()) {
            listener.noTags();
        } else {
            listener.tags(states);
        }
        try {
            listener.signingKey(signingKey.get().map(SigningKey::source));
        } catch (DhpushException e) {
            fail(Check.SIGNING_KEY, e, failures, listener);
        }
        return failures.stream().findFirst();
    }

    private static void fail(Check check, DhpushException failure, List<DhpushException> failures, CheckupListener listener) {
        failures.add(failure);
        listener.failed(check, failure);
    }

    /** The preflight's report of proven access, passed on as the registry check's result. */
    private static PublishListener proven(CheckupListener listener) {
        return new PublishListener() {
            @Override
            public void plan(PublishPlan plan) {
            }

            @Override
            public void preflight(ProvenAccess proven) {
                listener.registry(proven);
            }
        };
    }
}
