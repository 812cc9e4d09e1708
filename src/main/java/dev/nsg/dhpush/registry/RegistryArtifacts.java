package dev.nsg.dhpush.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import dev.nsg.dhpush.failure.PushFailedException;
import dev.nsg.dhpush.failure.RegistryUnavailableException;
import dev.nsg.dhpush.model.Digest;

/**
 * Small artifacts dhpush writes and reads beside an image, such as cosign's signatures: whole manifests by tag, and
 * blobs small enough to hold in memory, uploaded in one request (distribution spec "monolithic upload").
 */
public final class RegistryArtifacts {

    /** A manifest as stored: its bytes, the media type the registry served it as, and its digest. */
    public record StoredManifest(byte[] content, String mediaType, Digest digest) {
    }

    /** Signature and attestation manifests and blobs are a few kilobytes; anything far larger is not one of them. */
    static final int MAX_ARTIFACT_BYTES = 4 * 1024 * 1024;

    private final RegistrySession session;
    private final String repository;

    RegistryArtifacts(RegistrySession session, String repository) {
        this.session = session;
        this.repository = repository;
    }

    public String repositoryName() {
        return session.host() + "/" + repository;
    }

    /** The manifest under {@code tag}, or empty when the registry has none (404). */
    public Optional<StoredManifest> manifest(String tag, String accept) {
        String doing = "read " + repositoryName() + ":" + tag;
        try (Response response = session.send(doing, auth -> session.api().getManifest(repository, tag, accept, auth))) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() != 200) {
                throw badAnswer(doing, response.getStatus());
            }
            byte[] content = read(response, doing);
            return Optional.of(new StoredManifest(content, response.getHeaderString("Content-Type"), digestOf(content)));
        }
    }

    /** A blob's bytes, checked against its digest; a redirect to storage is followed without the Authorization. */
    public byte[] blob(Digest digest) {
        String doing = "read blob " + digest + " of " + repositoryName();
        byte[] content;
        try (Response response = session.send(doing, auth -> session.apiWithoutRedirects().getBlob(repository, digest.value(), auth))) {
            if (response.getStatus() / 100 == 3 && response.getHeaderString("Location") != null) {
                content = download(doing, URI.create(response.getHeaderString("Location")));
            } else if (response.getStatus() == 200) {
                content = read(response, doing);
            } else {
                throw badAnswer(doing, response.getStatus());
            }
        }
        if (!digestOf(content).equals(digest)) {
            throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(),
                    doing + ": the bytes served do not hash to that digest");
        }
        return content;
    }

    private byte[] download(String doing, URI location) {
        URI absolute = location.isAbsolute() ? location : session.baseUri().resolve(location);
        try (UploadApi storage = session.client(URI.create(absolute.getScheme() + "://" + absolute.getRawAuthority()), UploadApi.class);
                Response response = storage.download(absolute.toString())) {
            if (response.getStatus() != 200) {
                throw badAnswer(doing + " (redirected to " + absolute.getHost() + ")", response.getStatus());
            }
            return read(response, doing);
        } catch (IOException e) {
            throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(), null,
                    doing + ": " + e.getMessage(), e);
        }
    }

    /** Uploads {@code content} unless the repository already has it (HEAD first, as docker push does). */
    public Digest putBlob(byte[] content) {
        Digest digest = digestOf(content);
        String doing = "upload blob " + digest + " to " + repositoryName();
        try (Response head = session.send(doing, auth -> session.api().headBlob(repository, digest.value(), auth))) {
            if (head.getStatus() == 200) {
                return digest;
            }
        }
        URI location;
        try (Response started = session.sendOnce(doing, auth -> session.api().startUpload(repository, auth))) {
            if (started.getStatus() != 202 || started.getHeaderString("Location") == null) {
                throw refusedWrite(doing, started.getStatus());
            }
            URI given = URI.create(started.getHeaderString("Location"));
            location = given.isAbsolute() ? given : session.baseUri().resolve(given);
        }
        String finish = location + (location.getRawQuery() == null ? "?" : "&") + "digest="
                + URLEncoder.encode(digest.value(), StandardCharsets.UTF_8);
        try (UploadApi uploads = session.client(URI.create(location.getScheme() + "://" + location.getRawAuthority()), UploadApi.class);
                Response finished = session.sendOnce(doing, auth -> uploads.finish(finish, "application/octet-stream", auth, content))) {
            if (finished.getStatus() != 201) {
                throw refusedWrite(doing, finished.getStatus());
            }
        } catch (IOException e) {
            // closing the one-off client failed after the upload answered: the blob is stored
        }
        return digest;
    }

    /** Stores {@code content} under {@code tag}; returns the digest the registry names it by. */
    public Digest putManifest(String tag, String mediaType, byte[] content) {
        String doing = "push " + repositoryName() + ":" + tag;
        try (Response response = session.sendOnce(doing, auth -> session.api().putManifest(repository, tag, mediaType, auth, content))) {
            if (response.getStatus() != 201) {
                throw refusedWrite(doing, response.getStatus());
            }
            String named = response.getHeaderString("Docker-Content-Digest");
            return named != null ? Digest.of(named) : digestOf(content);
        }
    }

    public static Digest digestOf(byte[] content) {
        try {
            return Digest.of("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private byte[] read(Response response, String doing) {
        try (InputStream body = response.readEntity(InputStream.class)) {
            byte[] content = body.readNBytes(MAX_ARTIFACT_BYTES + 1);
            if (content.length > MAX_ARTIFACT_BYTES) {
                throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(),
                        doing + ": larger than " + MAX_ARTIFACT_BYTES / (1024 * 1024) + " MiB, far beyond any signature");
            }
            return content;
        } catch (IOException e) {
            throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(), null,
                    doing + ": the answer broke off (" + e.getMessage() + ")", e);
        }
    }

    private RegistryUnavailableException badAnswer(String doing, int status) {
        return new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(),
                doing + ": the registry answered " + status);
    }

    private static PushFailedException refusedWrite(String doing, int status) {
        return new PushFailedException(PushFailedException.Reason.REGISTRY_ERROR, String.valueOf(status),
                doing + ": the registry answered " + status);
    }
}
