package dev.nsg.dhpush.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.DhpushException;
import dev.nsg.dhpush.failure.VerificationFailedException;
import dev.nsg.dhpush.failure.VerificationFailedException.Reason;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.registry.RegistryClient;
import dev.nsg.dhpush.signing.BuildProvenance;
import dev.nsg.dhpush.signing.ImageAttester;
import dev.nsg.dhpush.signing.ImageSigner;
import dev.nsg.dhpush.signing.PublicKeys;
import dev.nsg.dhpush.signing.SignatureCheck;
import dev.nsg.dhpush.signing.SigningKey;

/** cosign-compatible signatures of pushed images: made after verification, and checked against a public key. */
@ApplicationScoped
public class ImageSignatures {

    private final ImageSigner signer;
    private final SignatureCheck check;
    private final ImageAttester attester;
    private final String version;

    ImageSignatures(ObjectMapper json, @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.signer = new ImageSigner(json);
        this.check = new SignatureCheck(json);
        this.attester = new ImageAttester(json);
        this.version = version;
    }

    /** dhpush's version, the builder version a provenance names. */
    String version() {
        return version;
    }

    /** Signs the verified digest once, for every tag of the run (they all name it). */
    SignedImage sign(RegistryClient registry, ImageReference repository, Digest image, SigningKey key, PublishListener listener) {
        listener.phase("sign", repository.fullName() + "@" + image + " with " + key.source());
        ImageSigner.Signature signature;
        try {
            signature = signer.sign(registry.artifacts(), repository.signedName(), image, key);
        } catch (DhpushException e) {
            listener.notice("the image " + repository.fullName() + "@" + image + " is pushed and verified; only its signature is missing");
            throw e;
        }
        SignedImage signed = new SignedImage(repository, image, key.source(), signature.tag(), signature.manifest(), signature.added());
        listener.signed(signed);
        return signed;
    }

    /** Attaches the signed provenance of the build that made {@code image}, as cosign attest does. */
    void attest(RegistryClient registry, ImageReference repository, Digest image, SigningKey key, BuildProvenance provenance,
            PublishListener listener) {
        ImageAttester.Attestation attestation;
        try {
            attestation = attester.attest(registry.artifacts(), repository.signedName(), image, provenance, key);
        } catch (DhpushException e) {
            listener.notice("the image " + repository.fullName() + "@" + image + " is pushed, verified and signed;"
                    + " only its provenance attestation is missing");
            throw e;
        }
        listener.attested(new AttestedImage(repository, image, key.source(), attestation.tag(), attestation.manifest()));
    }

    /** Exit 7 unless a signature of {@code image} verifies with {@code key}. */
    public VerifiedSignature requireSignature(RegistryClient registry, ImageReference repository, Digest image,
            PublicKeys.Verifier key, PublishListener listener) {
        listener.phase("signature", repository.fullName() + "@" + image + " against " + key.source());
        SignatureCheck.Found found = check.check(registry.artifacts(), image, key);
        String doing = "verify the signature of " + repository.fullName() + "@" + image;
        if (found.signatures() == 0) {
            throw new VerificationFailedException(Reason.UNSIGNED, doing + ": it has no cosign signature (no " + found.tag() + ")");
        }
        if (found.valid() == 0) {
            throw new VerificationFailedException(Reason.OTHER_SIGNER, doing + (found.signatures() == 1 ? ": its one signature does not"
                    + " verify with " : ": none of its " + found.signatures() + " signatures verifies with ") + key.source());
        }
        VerifiedSignature verified = new VerifiedSignature(repository, image, key.source(), found.tag(), found.manifest().orElseThrow(),
                found.signatures(), found.valid());
        listener.signatureVerified(verified);
        return verified;
    }

    /** Exit 7 unless a SLSA provenance attestation of {@code image} verifies with {@code key}. */
    public void requireProvenance(RegistryClient registry, ImageReference repository, Digest image, PublicKeys.Verifier key,
            PublishListener listener) {
        ImageAttester.Found found = attester.check(registry.artifacts(), image, key);
        String doing = "verify the provenance of " + repository.fullName() + "@" + image;
        if (found.attestations() == 0) {
            throw new VerificationFailedException(Reason.NO_PROVENANCE, doing + ": it has no attestation (no " + found.tag() + ")");
        }
        if (found.valid() == 0) {
            throw new VerificationFailedException(Reason.OTHER_SIGNER, doing + (found.attestations() == 1 ? ": its one attestation is not"
                    : ": none of its " + found.attestations() + " attestations is") + " a SLSA provenance of it that verifies with " + key.source());
        }
        listener.notice("provenance of " + repository.fullName() + "@" + image + " verified with " + key.source() + " ("
                + found.valid() + " of " + found.attestations() + " attestation" + (found.attestations() == 1 ? "" : "s") + ")");
    }
}
