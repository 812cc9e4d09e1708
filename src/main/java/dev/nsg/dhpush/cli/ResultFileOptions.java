package dev.nsg.dhpush.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.AttestedImage;
import dev.nsg.dhpush.app.SignedImage;
import dev.nsg.dhpush.app.VerifiedTag;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.registry.RateLimit;
import picocli.CommandLine.Option;

/**
 * The result files later pipeline steps read instead of the log. Written only once every tag is verified, each
 * through a temporary file in the same directory renamed over the target, so a failed run leaves no new file and a
 * reader never sees half of one.
 */
class ResultFileOptions {

    @Option(names = "--output-env", paramLabel = "FILE",
            description = "After verification, write DHPUSH_IMAGE, DHPUSH_DIGEST, DHPUSH_TAGS and DHPUSH_REFS (and, when"
                    + " signed, DHPUSH_SIGNATURE and DHPUSH_ATTESTATION) to FILE as shell-sourceable KEY='value' lines.")
    Path env;

    @Option(names = "--output-json", paramLabel = "FILE",
            description = "After verification, write one JSON object to FILE: image, digest, each tag with its verified digest"
                    + " and whether it moved, the signature and attestation when signed, timings in milliseconds, the registry's rate-limit"
                    + " figures when sent.")
    Path json;

    /** Refuses, before anything is built, a result file that could not be written at the end. */
    void checkWritable() {
        for (Path file : new Path[] {env, json}) {
            if (file == null) {
                continue;
            }
            Path directory = file.toAbsolutePath().getParent();
            if (Files.isDirectory(file) || !Files.isDirectory(directory) || !Files.isWritable(directory)) {
                throw new UsageFailure("cannot write the result file " + file + ": " + (Files.isDirectory(file) ? "it is a directory"
                        : "its directory " + directory + " does not exist or is not writable"),
                        "create the directory first, or name another file");
            }
        }
    }

    /** Writes the files asked for, from a run whose every tag was verified to one digest. */
    void write(List<VerifiedTag> verified, RecordingListener record) {
        if (verified.isEmpty()) {
            return;
        }
        if (env != null) {
            SignedImage signed = record.signedImage();
            AttestedImage attested = record.attestedImage();
            replace(env, envLines(verified) + (signed == null ? "" : "DHPUSH_SIGNATURE=" + quoted(signatureRef(signed)) + "\n")
                    + (attested == null ? "" : "DHPUSH_ATTESTATION=" + quoted(attestationRef(attested)) + "\n"));
        }
        if (json != null) {
            replace(json, JsonLine.of(summary(verified, record)) + "\n");
        }
    }

    private static String envLines(List<VerifiedTag> verified) {
        VerifiedTag first = verified.get(0);
        return "DHPUSH_IMAGE=" + quoted(first.repository().fullName()) + "\n"
                + "DHPUSH_DIGEST=" + quoted(first.digest().toString()) + "\n"
                + "DHPUSH_TAGS=" + quoted(verified.stream().map(tag -> tag.tag().value()).collect(Collectors.joining(" "))) + "\n"
                + "DHPUSH_REFS=" + quoted(verified.stream().map(VerifiedTag::pinned).collect(Collectors.joining(" "))) + "\n";
    }

    /** The signature manifest, pinned: {@code registry/repo:sha256-<hex>.sig@sha256:…}. */
    private static String signatureRef(SignedImage signed) {
        return signed.repository().fullName() + ":" + signed.tag() + "@" + signed.signature();
    }

    private static String attestationRef(AttestedImage attested) {
        return attested.repository().fullName() + ":" + attested.tag() + "@" + attested.attestation();
    }

    /** Single-quoted for sh: no expansion inside, and a quote written as '\''. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static Map<String, Object> summary(List<VerifiedTag> verified, RecordingListener record) {
        VerifiedTag first = verified.get(0);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("image", first.repository().fullName());
        object.put("digest", first.digest().toString());
        List<Map<String, Object>> tags = new ArrayList<>();
        RateLimit rateLimit = null;
        for (VerifiedTag tag : verified) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("tag", tag.tag().value());
            item.put("ref", tag.pinned());
            item.put("verifiedDigest", tag.digest().toString());
            Digest from = record.movedFrom(tag.tag());
            item.put("moved", from != null);
            if (from != null) {
                item.put("previousDigest", from.toString());
            }
            tags.add(item);
            if (tag.rateLimit() != null && tag.rateLimit().isKnown()) {
                rateLimit = tag.rateLimit();
            }
        }
        object.put("tags", tags);
        SignedImage signed = record.signedImage();
        if (signed != null) {
            Map<String, Object> signature = new LinkedHashMap<>();
            signature.put("ref", signatureRef(signed));
            signature.put("digest", signed.signature().value());
            signature.put("key", signed.key());
            signature.put("added", signed.added());
            object.put("signature", signature);
        }
        AttestedImage attested = record.attestedImage();
        if (attested != null) {
            object.put("attestation", Map.of("ref", attestationRef(attested), "digest", attested.attestation().value(),
                    "predicateType", "https://slsa.dev/provenance/v1"));
        }
        object.put("timingsMillis", record.timings());
        if (rateLimit != null) {
            Map<String, Object> limits = new LinkedHashMap<>();
            limits.put("limit", rateLimit.limit());
            limits.put("remaining", rateLimit.remaining());
            limits.put("source", rateLimit.source());
            object.put("rateLimit", limits);
        }
        return object;
    }

    private static void replace(Path file, String content) {
        Path directory = file.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, "." + file.getFileName() + ".", ".partial");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The tags are pushed and verified; only the file is missing, and the run must not look green.
            throw new UsageFailure("cannot write the result file " + file + " (" + e.getMessage() + "); the image was pushed and verified",
                    "free space or fix permissions there; dhpush verify --tag TAG checks the registry again");
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the temporary name starts with a dot and says .partial: harmless if it stays
                }
            }
        }
    }
}
