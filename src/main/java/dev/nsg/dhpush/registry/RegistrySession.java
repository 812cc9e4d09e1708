package dev.nsg.dhpush.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.failure.IoCause;
import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.AuthRefusedException.Reason;
import dev.nsg.dhpush.failure.AuthRefusedException.Refusal;
import dev.nsg.dhpush.failure.RegistryUnavailableException;
import dev.nsg.dhpush.failure.RegistryUnavailableException.Retries;
import dev.nsg.dhpush.model.ImageReference;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * One conversation with one registry for one repository: authenticates as the registry's challenge asks (Bearer
 * token from the realm, or Basic), reuses the token until it expires, refreshes it once on a 401, and retries
 * idempotent calls on connection errors, 408, 429 and 5xx within the {@link RetryPolicy}. Failures carry the facts
 * (registry, repository, action, credential source, status, registry error code); their words are the CLI's.
 */
final class RegistrySession implements AutoCloseable {

    /** How the registry asked to be spoken to at {@code GET /v2/}. */
    enum Scheme { NONE, BASIC, BEARER }

    private static final Logger LOG = Logger.getLogger(RegistrySession.class);
    private static final int SMALL_BODY = 1024 * 1024;

    private final RegistryEndpoint endpoint;
    private final RegistryApi api;
    /** Built on first use, for blob downloads: their redirects are followed by hand, without the Authorization. */
    private RegistryApi blobApi;
    private final Optional<Credentials> credentials;
    private final ImageReference repository;
    private final String scope;
    private final String action;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final ObjectMapper json;
    private String authorization;
    private Scheme scheme;
    private Optional<Set<String>> granted = Optional.empty();
    private long tokenExpiresAtNanos = Long.MAX_VALUE;
    private int requests;

    /** @param push whether the session asks for push access (pull,push scope) or only reads */
    RegistrySession(RegistryEndpoint endpoint, Optional<Credentials> credentials, ImageReference repository, boolean push,
            RetryPolicy retry, Duration timeout, ObjectMapper json) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.repository = repository;
        this.action = push ? "push" : "pull";
        this.scope = "repository:" + repository.path() + ":" + (push ? "pull,push" : "pull");
        this.retry = retry;
        this.timeout = timeout;
        this.json = json;
        this.api = builder(endpoint.base()).build(RegistryApi.class);
    }

    /** The HTTP requests this session has sent, retries and token requests included. */
    int requests() {
        return requests;
    }

    RegistryApi api() {
        return api;
    }

    RegistryApi apiWithoutRedirects() {
        if (blobApi == null) {
            blobApi = builder(endpoint.base()).followRedirects(false).build(RegistryApi.class);
        }
        return blobApi;
    }

    String host() {
        return endpoint.base().getAuthority();
    }

    URI baseUri() {
        return endpoint.base();
    }

    /** Authenticates now, as the first call would; the scheme and any token grants are known afterwards. */
    Scheme authorize(String doing) {
        if (scheme == null || System.nanoTime() > tokenExpiresAtNanos) {
            authenticate(doing, pingChallenge(doing));
        }
        return scheme;
    }

    /** The actions the Bearer token grants on the repository; empty when there is no token or it does not say. */
    Optional<Set<String>> granted() {
        return granted;
    }

    /** Sends an idempotent call with the session's authorization, with retries; the caller reads and closes it. */
    Response send(String doing, Function<String, Response> call) {
        return sendAuthorized(doing, () -> withRetries(doing, () -> call.apply(authorization)));
    }

    /** Sends a call that must not be repeated blindly (POST, DELETE): one attempt, one token refresh on a 401. */
    Response sendOnce(String doing, Function<String, Response> call) {
        return sendAuthorized(doing, () -> once(doing, () -> call.apply(authorization)));
    }

    private Response sendAuthorized(String doing, Supplier<Response> send) {
        authorize(doing);
        Response response = send.get();
        if (response.getStatus() == 401 && scheme == Scheme.BEARER) {
            // One refresh: tokens expire, and the challenge may name a wider scope than the first one. (Basic
            // credentials cannot change, so a 401 to them is final.)
            Challenge challenge = Challenge.parse(response.getHeaderString("WWW-Authenticate"));
            response.close();
            authenticate(doing, challenge);
            response = send.get();
        }
        if (response.getStatus() == 401 || response.getStatus() == 403) {
            throw refused(doing, response);
        }
        return response;
    }

    /**
     * A 401 or 403 as the failure it means: no credentials where some are needed; credentials a Basic registry
     * refused; or, where they were accepted (a token was issued), access denied to this repository.
     */
    AuthRefusedException refused(String doing, Response response) {
        int status = response.getStatus();
        String code = errorCode(response);
        Reason reason = credentials.isEmpty() ? Reason.NO_CREDENTIALS
                : status == 403 || scheme == Scheme.BEARER || "DENIED".equals(code) ? Reason.ACCESS_DENIED
                : Reason.CREDENTIALS_REJECTED;
        return new AuthRefusedException(reason, refusal(status, code),
                doing + ": the registry " + host() + " answered " + status + (code == null ? "" : " " + code));
    }

    Refusal refusal(Integer status, String code) {
        return new Refusal(repository.registry(), repository.isDockerHub(), repository.path(), action,
                credentials.map(Credentials::source).orElse(null), credentials.map(Credentials::username).orElse(null),
                status, code);
    }

    private Challenge pingChallenge(String doing) {
        Response ping = withRetries(doing, () -> api.ping(null));
        try (ping) {
            if (ping.getStatus() == 200) {
                return null;
            }
            if (ping.getStatus() != 401) {
                throw new RegistryUnavailableException(RegistryUnavailableException.Reason.NOT_A_REGISTRY, host(),
                        doing + ": " + host() + " is not a registry v2 API (GET /v2/ answered " + ping.getStatus() + ")");
            }
            Challenge challenge = Challenge.parse(ping.getHeaderString("WWW-Authenticate"));
            if (challenge == null) {
                throw new AuthRefusedException(Reason.UNSUPPORTED_CHALLENGE, refusal(401, null),
                        doing + ": the registry " + host() + " answered 401 without a WWW-Authenticate challenge");
            }
            return challenge;
        }
    }

    private void authenticate(String doing, Challenge challenge) {
        if (challenge == null) {
            authorization = null;
            scheme = Scheme.NONE;
        } else if (challenge.isBearer() && challenge.realm() != null) {
            fetchToken(doing, challenge);
            scheme = Scheme.BEARER;
        } else if (challenge.isBasic()) {
            Credentials basic = credentials.orElseThrow(() -> new AuthRefusedException(Reason.NO_CREDENTIALS,
                    refusal(401, null), doing + ": the registry " + host() + " requires credentials"));
            authorization = basicAuthorization(basic);
            scheme = Scheme.BASIC;
        } else {
            throw new AuthRefusedException(Reason.UNSUPPORTED_CHALLENGE, refusal(401, null), doing + ": the registry " + host()
                    + " asks for an authentication dhpush does not speak (" + challenge.scheme() + ")");
        }
    }

    /** The OAuth2 client ID dhpush names itself with (docker's CLI says "docker"). */
    private static final String CLIENT_ID = "dhpush";

    private void fetchToken(String doing, Challenge challenge) {
        URI realm = URI.create(challenge.realm());
        if (!"https".equals(realm.getScheme()) && !RegistryEndpoint.isLoopback(realm.getAuthority())) {
            throw new AuthRefusedException(Reason.INSECURE_TOKEN_SERVICE, refusal(null, null), doing + ": the token service "
                    + realm.getAuthority() + " is not on HTTPS; dhpush sends no credentials over plain HTTP");
        }
        String requestedScope = challenge.parameters().getOrDefault("scope", scope);
        if (!requestedScope.contains(scope)) {
            requestedScope = scope;
        }
        String tokenScope = requestedScope;
        try (TokenApi tokens = builder(realm).build(TokenApi.class);
                Response response = requestToken(doing, tokens, challenge.service(), tokenScope)) {
            if (response.getStatus() == 401 || response.getStatus() == 403) {
                throw new AuthRefusedException(credentials.isEmpty() ? Reason.NO_CREDENTIALS : Reason.CREDENTIALS_REJECTED,
                        refusal(response.getStatus(), null), doing + ": the token service " + realm.getAuthority()
                                + " refused the credentials (" + response.getStatus() + ")");
            }
            if (response.getStatus() != 200) {
                throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, realm.getAuthority(),
                        doing + ": the token service " + realm.getAuthority() + " answered " + response.getStatus());
            }
            TokenResponse token = json.readValue(readSmall(response), TokenResponse.class);
            if (token.bearer() == null) {
                throw new AuthRefusedException(Reason.NO_TOKEN, refusal(200, null),
                        doing + ": the token service " + realm.getAuthority() + " sent no token");
            }
            authorization = "Bearer " + token.bearer();
            granted = TokenGrants.forRepository(token.bearer(), repository.path(), json);
            // Docker token spec: 60 s when the service does not say; renew a little early.
            int lifetime = token.expiresIn() != null && token.expiresIn() > 0 ? token.expiresIn() : 60;
            tokenExpiresAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, lifetime - 5));
            LOG.debugf("registry %s: token for %s from %s (valid %d s, grants %s)", host(), tokenScope, realm.getAuthority(),
                    lifetime, granted.map(Object::toString).orElse("not stated"));
        } catch (IOException e) {
            throw new RegistryUnavailableException(RegistryUnavailableException.Reason.BAD_ANSWER, realm.getAuthority(), null,
                    doing + ": the token service " + realm.getAuthority() + " sent an unreadable answer", e);
        }
    }

    /**
     * The token request as docker makes it: an identity token (what {@code docker login} stores for SSO accounts and
     * most cloud registries) as the OAuth2 refresh-token POST, falling back to the GET form, with the token as the
     * password, where the realm refuses the POST (404, 405); anything else as the GET form with Basic credentials.
     */
    private Response requestToken(String doing, TokenApi tokens, String service, String tokenScope) {
        String basic = credentials.map(RegistrySession::basicAuthorization).orElse(null);
        Optional<Credentials> identity = credentials.filter(Credentials::identityToken);
        if (identity.isPresent()) {
            Response posted = withRetries(doing, () -> tokens.refresh("refresh_token", identity.get().secret(), service, tokenScope,
                    CLIENT_ID));
            if (posted.getStatus() != 404 && posted.getStatus() != 405) {
                return posted;
            }
            posted.close();
            LOG.debugf("registry %s: the token service refused the OAuth2 POST (%d); asking with GET", host(), posted.getStatus());
        }
        return withRetries(doing, () -> tokens.token(service, tokenScope, basic));
    }

    private static String basicAuthorization(Credentials credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8));
    }

    private Response once(String doing, Supplier<Response> call) {
        requests++;
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw new RegistryUnavailableException(RegistryUnavailableException.Reason.UNREACHABLE, host(),
                    new Retries(1, 1, retry.maxTotal(), null, null), doing + ": " + host() + " did not answer (" + describe(e) + ")", e);
        }
    }

    private Response withRetries(String doing, Supplier<Response> call) {
        long deadline = System.nanoTime() + retry.maxTotal().toNanos();
        String lastProblem = null;
        int lastStatus = 0;
        String rateLimit = null;
        for (int attempt = 1; ; attempt++) {
            String retryAfter = null;
            requests++;
            try {
                Response response = call.get();
                if (!RetryPolicy.isRetryable(response.getStatus())) {
                    return response;
                }
                lastStatus = response.getStatus();
                lastProblem = "HTTP " + lastStatus;
                retryAfter = response.getHeaderString("Retry-After");
                if (response.getHeaderString("ratelimit-limit") != null) {
                    rateLimit = response.getHeaderString("ratelimit-remaining") + " of " + response.getHeaderString("ratelimit-limit");
                }
                response.close();
            } catch (ProcessingException e) {
                lastStatus = 0;
                lastProblem = describe(e);
            }
            Duration wait = retry.backoff(attempt, retryAfter);
            boolean outOfTime = System.nanoTime() + wait.toNanos() > deadline;
            if (attempt >= retry.maxAttempts() || outOfTime) {
                throw new RegistryUnavailableException(lastStatus == 429 ? RegistryUnavailableException.Reason.RATE_LIMITED
                        : RegistryUnavailableException.Reason.UNREACHABLE, host(),
                        new Retries(attempt, retry.maxAttempts(), retry.maxTotal(), retryAfter, rateLimit),
                        doing + ": " + host() + " still failing after " + attempt + " attempt" + (attempt == 1 ? "" : "s")
                                + " (last: " + lastProblem + (retryAfter != null ? ", Retry-After " + retryAfter : "") + ")", null);
            }
            LOG.debugf("registry %s: %s on attempt %d; retrying in %d ms", host(), lastProblem, attempt, wait.toMillis());
            sleep(doing, wait);
        }
    }

    private static String describe(ProcessingException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return IoCause.of(cause);
    }

    private void sleep(String doing, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(RegistryUnavailableException.Reason.INTERRUPTED, host(), null,
                    doing + ": interrupted while waiting to retry", e);
        }
    }

    String readSmall(Response response) throws IOException {
        try (InputStream body = response.readEntity(InputStream.class)) {
            return new String(body.readNBytes(SMALL_BODY), StandardCharsets.UTF_8);
        }
    }

    /** The first error code of a registry's error body ({@code {"errors":[{"code":"DENIED",…}]}}), or null. */
    private String errorCode(Response response) {
        try (response) {
            String body = response.hasEntity() ? readSmall(response) : "";
            JsonNode errors = body.isBlank() ? null : json.readTree(body).path("errors");
            if (errors != null && errors.isArray() && errors.size() > 0 && errors.get(0).hasNonNull("code")) {
                return errors.get(0).get("code").asText();
            }
        } catch (IOException | RuntimeException unreadable) {
            // the status alone must do
        }
        return null;
    }

    /** A client for another URL of this registry (an upload Location), trusting what this session trusts. */
    <T> T client(URI base, Class<T> api) {
        return builder(base).build(api);
    }

    private QuarkusRestClientBuilder builder(URI base) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .disableDefaultMapper(true)
                .followRedirects(true)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (base.getAuthority().equals(endpoint.base().getAuthority())) {
            if (endpoint.trust() != null) {
                builder.trustStore(endpoint.trust());
            }
            if (endpoint.identity() != null) {
                builder.keyStore(endpoint.identity(), RegistryEndpoint.IDENTITY_PASSWORD);
            }
        }
        return builder;
    }

    @Override
    public void close() {
        try {
            api.close();
            if (blobApi != null) {
                blobApi.close();
            }
        } catch (IOException e) {
            LOG.debugf("registry %s: closing the client failed: %s", host(), e.getMessage());
        }
    }
}
