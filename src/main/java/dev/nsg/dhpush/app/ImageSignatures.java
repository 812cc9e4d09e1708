package dev.nsg.dhpush.app;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.DhpushException;
import dev.nsg.dhpush.failure.VerificationFailedException;
import dev.nsg.dhpush.failure.VerificationFailedException.Reason;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.registry.RegistryClient;
import dev.nsg.dhpush.signing.ImageSigner;
import dev.nsg.dhpush.signing.PublicKeys;
import dev.nsg.dhpush.signing.SignatureCheck;
import dev.nsg.dhpush.signing.SigningKey;

/** cosign-compatible signatures of pushed images: made after verification, and checked against a public key. */
@ApplicationScoped
public class ImageSignatures {

    private final ImageSigner signer;
    private final SignatureCheck check;

    ImageSignatures(ObjectMapper json) {
        this.signer = new ImageSigner(json);
        this.check = new SignatureCheck(json);
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
            throw new VerificationFailedException(Reason.OTHER_SIGNER, doing + ": none of its " + found.signatures() + " signature"
                    + (found.signatures() == 1 ? "" : "s") + " verifies with " + key.source());
        }
        VerifiedSignature verified = new VerifiedSignature(repository, image, key.source(), found.tag(), found.manifest().orElseThrow(),
                found.signatures(), found.valid());
        listener.signatureVerified(verified);
        return verified;
    }
}
