package dev.nsg.dhpush.app;

import java.util.List;
import java.util.Optional;

import dev.nsg.dhpush.context.BuildContext;
import dev.nsg.dhpush.failure.DhpushException;
import dev.nsg.dhpush.registry.RateLimit;
import dev.nsg.dhpush.dockerfile.BaseImage;

/** What {@code dhpush doctor} finds, check by check, in the order the checks run. */
public interface CheckupListener {

    /** The checks, in the order a publish meets them. */
    enum Check { ENGINE, BUILDER, REGISTRY, RATE_LIMIT, BASE_IMAGES, CONTEXT, TAGS, SIGNING_KEY }

    /** The engine answered; {@code description} names its address, version and API. */
    void engine(String description);

    /** The builder a publish would build with, and why. */
    void builder(ChosenBuilder builder);

    /** The registry answered, took the credentials and granted push. */
    void registry(ProvenAccess proven);

    /** The pull quota the registry reported on a manifest request, or an unknown one when it sent none. */
    void rateLimit(RateLimit limit);

    void baseImages(List<BaseImage> images);

    void context(BuildContext context);

    /** What the registry holds for each tag now (NEW or EXISTS: nothing is built, so a move cannot be told apart). */
    void tags(List<TagState> states);

    /** No tag was given and no build number is set: the tag check has nothing to look up. */
    void noTags();

    /** The signing key opened and signed a probe ({@code key} names where it came from); empty: no key is set. */
    void signingKey(Optional<String> key);

    void failed(Check check, DhpushException failure);

    /** A check that needs an earlier one that failed. */
    void skipped(Check check, Check needs);
}
