package dev.nsg.dhpush.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.auth.Credentials;
import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.RegistryUnavailableException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * One conversation with one registry for one repository scope: authenticates as the registry's challenge asks
 * (Bearer token from the realm, or Basic), reuses the token until it expires, refreshes it once on a 401, and
 * retries idempotent calls on connection errors, 408, 429 and 5xx within the {@link RetryPolicy}.
 */
final class RegistrySession {

    private static final Logger LOG = Logger.getLogger(RegistrySession.class);
    private static final int SMALL_BODY = 1024 * 1024;

    private final RegistryEndpoint endpoint;
    private final RegistryApi api;
    private final Optional<Credentials> credentials;
    private final String scope;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final ObjectMapper json;
    private String authorization;
    private boolean authorized;
    private long tokenExpiresAtNanos = Long.MAX_VALUE;
    private int requests;

    RegistrySession(RegistryEndpoint endpoint, Optional<Credentials> credentials, String scope, RetryPolicy retry,
            Duration timeout, ObjectMapper json) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.scope = scope;
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

    String host() {
        return endpoint.base().getAuthority();
    }

    /** Sends an idempotent call with the session's authorization; the caller reads and closes the response. */
    Response send(String action, Function<String, Response> call) {
        if (!authorized || System.nanoTime() > tokenExpiresAtNanos) {
            authorize(action);
        }
        Response response = withRetries(action, () -> call.apply(authorization));
        if (response.getStatus() == 401) {
            // One refresh: tokens expire, and the challenge may name a wider scope than the first one.
            Challenge challenge = Challenge.parse(response.getHeaderString("WWW-Authenticate"));
            response.close();
            authenticate(action, challenge);
            response = withRetries(action, () -> call.apply(authorization));
        }
        if (response.getStatus() == 401 || response.getStatus() == 403) {
            int status = response.getStatus();
            String detail = errorSummary(response);
            throw new AuthRefusedException(action + ": the registry " + host() + " answered " + status + detail,
                    credentials.isEmpty() ? "this repository needs credentials: set DOCKER_HUB_USER and DOCKER_HUB_KEY"
                            : "check that the credentials (" + credentials.get().source() + ") may read this repository");
        }
        return response;
    }

    private void authorize(String action) {
        Response ping = withRetries(action, () -> api.ping(null));
        try (ping) {
            if (ping.getStatus() == 200) {
                authorization = null;
                authorized = true;
                return;
            }
            if (ping.getStatus() != 401) {
                throw new RegistryUnavailableException(action + ": " + host() + " is not a registry v2 API (GET /v2/ answered "
                        + ping.getStatus() + ")", "check --registry");
            }
            authenticate(action, Challenge.parse(ping.getHeaderString("WWW-Authenticate")));
        }
    }

    private void authenticate(String action, Challenge challenge) {
        if (challenge != null && challenge.isBearer() && challenge.realm() != null) {
            fetchToken(action, challenge);
        } else if (challenge != null && challenge.isBasic()) {
            Credentials basic = credentials.orElseThrow(() -> new AuthRefusedException(
                    action + ": the registry " + host() + " requires credentials", "set DOCKER_HUB_USER and DOCKER_HUB_KEY, or log in with docker login"));
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (basic.username() + ":" + basic.secret()).getBytes(StandardCharsets.UTF_8));
        } else {
            throw new AuthRefusedException(action + ": the registry " + host() + " asks for an authentication dhpush does not speak ("
                    + (challenge == null ? "no WWW-Authenticate header" : challenge.scheme()) + ")", null);
        }
        authorized = true;
    }

    private void fetchToken(String action, Challenge challenge) {
        URI realm = URI.create(challenge.realm());
        if (!"https".equals(realm.getScheme()) && !RegistryEndpoint.isLoopback(realm.getAuthority())) {
            throw new AuthRefusedException(action + ": the token service " + realm.getAuthority()
                    + " is not on HTTPS; dhpush sends no credentials over plain HTTP", null);
        }
        String requestedScope = challenge.parameters().getOrDefault("scope", scope);
        if (!requestedScope.contains(scope)) {
            requestedScope = scope;
        }
        String basic = credentials.filter(found -> !found.identityToken())
                .map(found -> "Basic " + Base64.getEncoder().encodeToString((found.username() + ":" + found.secret()).getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
        TokenApi tokens = builder(realm).build(TokenApi.class);
        String tokenScope = requestedScope;
        Response response = withRetries(action, () -> tokens.token(challenge.service(), tokenScope, basic));
        try (response) {
            if (response.getStatus() == 401 || response.getStatus() == 403) {
                throw new AuthRefusedException(action + ": the token service " + realm.getAuthority() + " refused the credentials ("
                        + response.getStatus() + ")", "check DOCKER_HUB_USER and DOCKER_HUB_KEY (a Docker Hub access token, not the account password)");
            }
            if (response.getStatus() != 200) {
                throw new RegistryUnavailableException(action + ": the token service " + realm.getAuthority() + " answered "
                        + response.getStatus(), null);
            }
            TokenResponse token = json.readValue(readSmall(response), TokenResponse.class);
            if (token.bearer() == null) {
                throw new AuthRefusedException(action + ": the token service " + realm.getAuthority() + " sent no token", null);
            }
            authorization = "Bearer " + token.bearer();
            // Docker token spec: 60 s when the service does not say; renew a little early.
            int lifetime = token.expiresIn() != null && token.expiresIn() > 0 ? token.expiresIn() : 60;
            tokenExpiresAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, lifetime - 5));
            LOG.debugf("registry %s: token for %s from %s (valid %d s)", host(), tokenScope, realm.getAuthority(), lifetime);
        } catch (IOException e) {
            throw new AuthRefusedException(action + ": the token service " + realm.getAuthority() + " sent an unreadable answer", null, e);
        }
    }

    private Response withRetries(String action, java.util.function.Supplier<Response> call) {
        long deadline = System.nanoTime() + retry.maxTotal().toNanos();
        String lastProblem = null;
        for (int attempt = 1; ; attempt++) {
            String retryAfter = null;
            requests++;
            try {
                Response response = call.get();
                if (!RetryPolicy.isRetryable(response.getStatus())) {
                    return response;
                }
                lastProblem = "HTTP " + response.getStatus();
                retryAfter = response.getHeaderString("Retry-After");
                response.close();
            } catch (ProcessingException e) {
                lastProblem = describe(e);
            }
            Duration wait = retry.backoff(attempt, retryAfter);
            boolean outOfTime = System.nanoTime() + wait.toNanos() > deadline;
            if (attempt >= retry.maxAttempts() || outOfTime) {
                throw new RegistryUnavailableException(action + ": " + host() + " still failing after " + attempt + " attempt"
                        + (attempt == 1 ? "" : "s") + " (last: " + lastProblem + (retryAfter != null ? ", Retry-After " + retryAfter : "") + ")",
                        "retries are bounded by DHPUSH_REGISTRY_MAX_ATTEMPTS=" + retry.maxAttempts()
                                + " and DHPUSH_REGISTRY_MAX_RETRY_TIME=" + retry.maxTotal().toSeconds() + "S; check the registry's status");
            }
            LOG.debugf("registry %s: %s on attempt %d; retrying in %d ms", host(), lastProblem, attempt, wait.toMillis());
            sleep(wait);
        }
    }

    private static String describe(ProcessingException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting to retry", null, e);
        }
    }

    String readSmall(Response response) throws IOException {
        try (InputStream body = response.readEntity(InputStream.class)) {
            return new String(body.readNBytes(SMALL_BODY), StandardCharsets.UTF_8);
        }
    }

    private String errorSummary(Response response) {
        try (response) {
            String body = response.hasEntity() ? readSmall(response) : "";
            var errors = body.isBlank() ? null : json.readTree(body).path("errors");
            if (errors != null && errors.isArray() && errors.size() > 0) {
                return ": " + errors.get(0).path("code").asText() + " " + errors.get(0).path("message").asText();
            }
        } catch (IOException | RuntimeException unreadable) {
            // the status alone must do
        }
        return "";
    }

    private QuarkusRestClientBuilder builder(URI base) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .disableDefaultMapper(true)
                .followRedirects(true)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (endpoint.trust() != null && base.getAuthority().equals(endpoint.base().getAuthority())) {
            builder.trustStore(endpoint.trust());
        }
        return builder;
    }
}
