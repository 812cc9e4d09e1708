package dev.nsg.dhpush.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.nsg.dhpush.app.ChosenRepository;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.VerifiedTag;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;
import dev.nsg.dhpush.failure.IoCause;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.RegistryClient;
import dev.nsg.dhpush.signing.PublicKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dhpush verify}: does the registry serve this tag, with this digest, signed by this key? Exit 0 or 7. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Check that the registry serves each --tag with the expected digest (a manifest HEAD: no pull counted),"
                + " and with --key that a cosign signature of it verifies.",
        description = "The digest expected is --digest, else the one this engine recorded when it pushed the tag. With"
                + " neither, the digest the registry serves is shown (a missing tag is still exit 7).",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n")
class VerifyCommand extends TargetedCommand {

    @Option(names = "--digest", paramLabel = "sha256:…",
            description = "The digest to expect (default: the repo digest the local engine recorded for the tag).")
    String digest;

    @Option(names = "--key", paramLabel = "PUB.pem",
            description = "Also require a cosign signature of the served digest that this public key verifies (as cosign verify"
                    + " --key does, offline): exit 7 when the image is unsigned or signed only by other keys.")
    Path key;

    @Option(names = "--attestation",
            description = "With --key: also require a SLSA v1 provenance attestation of the served digest that the key verifies"
                    + " (as cosign verify-attestation --type slsaprovenance1 does).")
    boolean attestation;

    @Override
    public Integer call() {
        Environment environment = services.environment;
        PublishListener listener = target.listener(spec, environment);
        var tags = target.tagList(environment);
        ChosenRepository chosen = target.chosenRepository(environment);
        listener.target(chosen);
        ImageReference repository = chosen.reference();
        Optional<Digest> given = Optional.ofNullable(digest).map(Digest::of);
        if (attestation && key == null) {
            throw new UsageFailure("--attestation needs --key: the public key the attestation must verify with",
                    "add --key PUB.pem (cosign.pub, or openssl pkey -pubout of the signing key)");
        }
        Optional<PublicKeys.Verifier> signer = Optional.ofNullable(key).map(VerifyCommand::readPublicKey);
        Map<Tag, Optional<Digest>> expected = new LinkedHashMap<>();
        DockerEngine engine = given.isPresent() ? null : target.connectForLookup(services, listener);
        for (Tag tag : tags) {
            expected.put(tag, given.isPresent() ? given : services.verify.localRepoDigest(engine, repository, tag, listener));
        }
        try (RegistryClient registry = services.verify.open(repository, target.credentials(services, repository), false,
                target.access(environment))) {
            List<VerifiedTag> verified = services.verify.verify(registry, repository, expected, listener);
            if (signer.isPresent()) {
                for (Digest served : new LinkedHashSet<>(verified.stream().map(VerifiedTag::digest).toList())) {
                    services.signatures.requireSignature(registry, repository, served, signer.get(), listener);
                    if (attestation) {
                        services.signatures.requireProvenance(registry, repository, served, signer.get(), listener);
                    }
                }
            }
            int requests = registry.requestCount();
            listener.notice(requests + " registry request" + (requests == 1 ? "" : "s") + " to verify");
        }
        return 0;
    }

    private static PublicKeys.Verifier readPublicKey(Path file) {
        try {
            return PublicKeys.read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new InvalidInputException(Problem.VERIFY_KEY, file.toString(), "read public key " + file + ": " + IoCause.of(e), e);
        }
    }
}
