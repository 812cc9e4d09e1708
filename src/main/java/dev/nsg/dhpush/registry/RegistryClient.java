package dev.nsg.dhpush.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.RegistryUnavailableException;
import dev.nsg.dhpush.model.Digest;

/** The registry v2 API for one repository: manifest digests by HEAD, and the full tag list. */
public final class RegistryClient {

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

    /** The digest the registry serves for the tag, or empty when the tag is absent (404 MANIFEST_UNKNOWN). */
    public Optional<ManifestHead> headManifest(String tag) {
        String action = "verify " + session.host() + "/" + repository + ":" + tag;
        try (Response response = session.send(action, auth -> sessionApi().headManifest(repository, tag, MANIFEST_TYPES, auth))) {
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
                throw new RegistryUnavailableException(action + ": the registry answered " + response.getStatus()
                        + (digest == null ? " without a Docker-Content-Digest header" : ""), null);
            }
            return Optional.of(new ManifestHead(Digest.of(digest), response.getHeaderString("Content-Type"), rateLimit));
        }
    }

    /** Every tag of the repository, following the pagination (n, last and the Link header) to the end. */
    public List<String> listTags() {
        String action = "list tags of " + session.host() + "/" + repository;
        List<String> tags = new ArrayList<>();
        String last = null;
        while (true) {
            String after = last;
            try (Response response = session.send(action, auth -> sessionApi().tags(repository, pageSize, after, auth))) {
                if (response.getStatus() == 404) {
                    return tags;
                }
                if (response.getStatus() != 200) {
                    throw new RegistryUnavailableException(action + ": the registry answered " + response.getStatus(), null);
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
                last = java.net.URLDecoder.decode(next.group(1), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RegistryUnavailableException(action + ": unreadable tag list (" + e.getMessage() + ")", null, e);
            }
        }
    }

    public int requestCount() {
        return session.requests();
    }

    private RegistryApi sessionApi() {
        return session.api();
    }
}
