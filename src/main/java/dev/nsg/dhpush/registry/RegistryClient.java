package dev.nsg.dhpush.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.RegistryUnavailableException;
import dev.nsg.dhpush.failure.VerificationFailedException;
import dev.nsg.dhpush.model.Digest;

/**
 * The registry v2 API for one repository: push access proven, manifest digests by HEAD, and the full tag list.
 * One session serves the whole run, so a token fetched for the preflight is reused by the verification.
 */
public final class RegistryClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RegistryClient.class);
    /** Every manifest form a push can publish: Docker schema 2, its list, OCI manifest and OCI index. */
    static final String MANIFEST_TYPES = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json");
    private static final Pattern NEXT_LAST = Pattern.compile("[?&]last=([^&>]+)");

    private final RegistrySession session;
    private final String repository;
    private final int pageSize;
    private final ObjectMapper json;

    RegistryClient(RegistrySession session, String repository, int pageSize, ObjectMapper json) {
        this.session = session;
        this.repository = repository;
        this.pageSize = pageSize;
        this.json = json;
    }

    /**
     * Proves, before anything is built or pushed, that the registry answers, accepts the credentials and grants push
     * on this repository: from the token's grant where the token service states one, else by opening a blob upload
     * and cancelling it (nothing is stored). Throws the failure that a push would have met, minutes later.
     */
    public PushAccess provePushAccess() {
        String doing = "push " + session.host() + "/" + repository;
        RegistrySession.Scheme scheme = session.authorize(doing);
        String schemeName = scheme.name().toLowerCase(Locale.ROOT);
        Optional<Set<String>> granted = session.granted();
        if (granted.isPresent()) {
            if (granted.get().contains("push") || granted.get().contains("*")) {
                return new PushAccess(schemeName, "token-grant", null);
            }
            throw new AuthRefusedException(AuthRefusedException.Reason.ACCESS_DENIED, session.refusal(null, null),
                    doing + ": the token service granted "
                            + (granted.get().isEmpty() ? "nothing" : String.join(",", granted.get().stream().sorted().toList()))
                            + " on " + repository + ", not push");
        }
        return new PushAccess(schemeName, "upload-probe", probeUpload(doing));
    }

    /** POST an upload session, then DELETE it: 202 proves access; a registry that keeps the session is said so. */
    private String probeUpload(String doing) {
        URI location;
        try (Response started = session.sendOnce(doing, auth -> session.api().startUpload(repository, auth))) {
            if (started.getStatus() == 405) {
                throw new AuthRefusedException(AuthRefusedException.Reason.ACCESS_DENIED, session.refusal(405, "UNSUPPORTED"),
                        doing + ": the registry " + session.host() + " does not accept pushes (405)");
            }
            if (started.getStatus() != 202 || started.getHeaderString("Location") == null) {
                throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(),
                        doing + ": opening an upload answered " + started.getStatus() + ", not 202 with a Location");
            }
            location = URI.create(started.getHeaderString("Location"));
        }
        URI absolute = uploadUri(location);
        try (UploadApi uploads = session.client(URI.create(absolute.getScheme() + "://" + absolute.getRawAuthority()), UploadApi.class);
                Response cancelled = session.sendOnce(doing, auth -> uploads.cancel(absolute.toString(), auth))) {
            if (cancelled.getStatus() / 100 == 2) {
                return null;
            }
            LOG.debugf("registry %s: cancelling the probe's upload answered %d", session.host(), cancelled.getStatus());
            return "the registry kept the empty upload session that proved push access (its cancellation answered "
                    + cancelled.getStatus() + "); registries expire such sessions on their own";
        } catch (IOException e) {
            return null; // closing the one-off client failed: nothing the user can act on
        }
    }

    /** An upload Location may be absolute or relative to the registry (distribution spec: both are allowed). */
    private URI uploadUri(URI location) {
        return location.isAbsolute() ? location : session.baseUri().resolve(location);
    }

    /** The digest the registry serves for the tag, or empty when the tag is absent (404 MANIFEST_UNKNOWN). */
    public Optional<ManifestHead> headManifest(String tag) {
        return headManifest("verify", tag);
    }

    /** @param verb what the lookup is for, in failure messages: "verify", "look up" */
    public Optional<ManifestHead> headManifest(String verb, String tag) {
        String doing = verb + " " + session.host() + "/" + repository + ":" + tag;
        try (Response response = session.send(doing, auth -> session.api().headManifest(repository, tag, MANIFEST_TYPES, auth))) {
            RateLimit rateLimit = new RateLimit(response.getHeaderString("ratelimit-limit"),
                    response.getHeaderString("ratelimit-remaining"), response.getHeaderString("docker-ratelimit-source"));
            if (rateLimit.isKnown()) {
                LOG.debugf("registry %s rate limit: limit %s, remaining %s", session.host(), rateLimit.limit(), rateLimit.remaining());
            }
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            String digest = response.getHeaderString("Docker-Content-Digest");
            if (response.getStatus() != 200 || digest == null) {
                throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(), doing
                        + ": the registry answered " + response.getStatus() + (digest == null ? " without a Docker-Content-Digest header" : ""));
            }
            return Optional.of(new ManifestHead(Digest.of(digest), rateLimit));
        }
    }

    /**
     * Every tag of the repository, following the pagination (n, last and the Link header) to the end; a repository the
     * registry does not know fails (404 NAME_UNKNOWN) instead of looking empty.
     */
    public List<String> listTags() {
        String doing = "list tags of " + session.host() + "/" + repository;
        List<String> tags = new ArrayList<>();
        String last = null;
        while (true) {
            String after = last;
            try (Response response = session.send(doing, auth -> session.api().tags(repository, pageSize, after, auth))) {
                if (response.getStatus() == 404) {
                    throw new VerificationFailedException(VerificationFailedException.Reason.NO_SUCH_REPOSITORY,
                            doing + ": no such repository (the registry answered 404)");
                }
                if (response.getStatus() != 200) {
                    throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(),
                            doing + ": the registry answered " + response.getStatus());
                }
                TagList page = json.readValue(session.readSmall(response), TagList.class);
                if (page.tags() != null) {
                    tags.addAll(page.tags());
                }
                String link = response.getHeaderString("Link");
                Matcher next = link == null ? null : NEXT_LAST.matcher(link);
                if (next == null || !next.find() || page.tags() == null || page.tags().isEmpty()) {
                    return tags;
                }
                last = URLDecoder.decode(next.group(1), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, session.host(), null,
                        doing + ": unreadable tag list (" + e.getMessage() + ")", e);
            }
        }
    }

    /** Manifests and blobs beside the image (signatures), through this session and its token. */
    public RegistryArtifacts artifacts() {
        return new RegistryArtifacts(session, repository);
    }

    public int requestCount() {
        return session.requests();
    }

    @Override
    public void close() {
        session.close();
    }
}
