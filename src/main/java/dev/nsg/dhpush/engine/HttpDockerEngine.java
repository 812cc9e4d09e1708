package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.EngineUnavailableException;
import dev.nsg.dhpush.failure.IoCause;
import dev.nsg.dhpush.failure.EngineUnavailableException.Reason;
import dev.nsg.dhpush.failure.PushFailedException;
import dev.nsg.dhpush.model.Digest;

/** {@link DockerEngine} over the Engine HTTP API, at the API version negotiated on first use. */
public final class HttpDockerEngine implements DockerEngine {

    private static final Logger LOG = Logger.getLogger(HttpDockerEngine.class);
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private static final Duration RETRY_EVERY = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final EngineAddress address;
    private final EngineHttp http;
    private final ObjectMapper json;
    private final EngineWait wait;
    private ApiVersion version;
    private String engineVersion;
    private String builderVersion;

    HttpDockerEngine(EngineAddress address, EngineHttp http, ObjectMapper json, EngineWait wait) {
        this.address = address;
        this.http = http;
        this.json = json;
        this.wait = wait;
    }

    @Override
    public String describe() {
        negotiated();
        if (engineVersion == null) {
            aboutEngine();
        }
        return "engine " + engineVersion + " at " + address + ", API " + version;
    }

    @Override
    public String build(BuildRequest request, EngineProgress progress) {
        String image = imageName(request);
        StringBuilder query = buildQuery(request, "1");
        param(query, "rm", "1");
        param(query, "forcerm", "1");
        param(query, "dockerfile", request.context().dockerfileName());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-tar");
        if (request.registryConfig() != null) {
            headers.put("X-Registry-Config", request.registryConfig());
        }
        BuildStream stream = new BuildStream(image, request.context().dockerfile(), progress);
        return streamed("build " + image, api("/build?" + query), headers, request.context()::writeTar, stream::refused,
                body -> stream.read(body, json));
    }

    @Override
    public boolean prefersBuildKit() {
        negotiated();
        return "2".equals(builderVersion);
    }

    @Override
    public EngineConnection openSession(SessionRequest session) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("X-Docker-Expose-Session-Uuid", session.id()));
        headers.add(Map.entry("X-Docker-Expose-Session-Name", session.name()));
        headers.add(Map.entry("X-Docker-Expose-Session-Sharedkey", session.sharedKey()));
        session.methods().forEach(method -> headers.add(Map.entry("X-Docker-Expose-Session-Grpc-Method", method)));
        EngineHttp.Upgrade upgrade;
        try {
            upgrade = http.upgrade(api("/session"), "h2c", headers);
        } catch (IOException e) {
            throw unreachable("open a BuildKit session", e);
        }
        if (upgrade.refusal() != null) {
            try (EngineResponse refusal = upgrade.refusal()) {
                String message = errorMessage(refusal);
                java.util.regex.Matcher denied = BuildStream.PLUGIN_DENIED.matcher(message.strip());
                if (denied.matches()) {
                    throw new BuildFailedException(BuildFailedException.Reason.ENGINE_POLICY, denied.group(1), "open a BuildKit session:"
                            + " the engine's authorization plugin " + denied.group(1) + " refused it: " + denied.group(2), null, null, null, List.of());
                }
                throw new BuildFailedException(BuildFailedException.Reason.REFUSED, null, "open a BuildKit session: the engine answered "
                        + refusal.status() + ": " + message, null, null, null, List.of());
            } catch (IOException e) {
                throw dropped("open a BuildKit session", e);
            }
        }
        return upgrade.connection();
    }

    @Override
    public String buildWithSession(BuildKitRequest request, BuildKitStream stream) {
        BuildRequest build = request.build();
        String image = imageName(build);
        StringBuilder query = buildQuery(build, "2");
        param(query, "session", request.sessionId());
        param(query, "remote", "client-session");
        param(query, "buildid", request.buildId());
        param(query, "dockerfile", request.dockerfileName());
        if (!request.cacheFrom().isEmpty()) {
            param(query, "cachefrom", toJson(request.cacheFrom()));
        }
        BuildKitStreamReader reader = new BuildKitStreamReader(image, build.context().dockerfile(), stream);
        // Base images authenticate through the session's Auth service; X-Registry-Config is not read by BuildKit.
        return streamed("build " + image, api("/build?" + query), Map.of(), null, reader::refused, body -> reader.read(body, json));
    }

    @Override
    public void cancelBuild(String buildId) {
        StringBuilder query = new StringBuilder();
        param(query, "id", buildId);
        try (EngineResponse ignored = http.send("POST", api("/build/cancel?" + query), Map.of(), null)) {
            LOG.debugf("asked the engine to cancel build %s: %d", buildId, ignored.status());
        } catch (IOException | RuntimeException e) {
            // The build's own connection closing cancels it as well.
            LOG.debugf("cancel of build %s not delivered: %s", buildId, e.getMessage());
        }
    }

    private static String imageName(BuildRequest request) {
        return request.names().isEmpty() ? "image" : request.names().get(0);
    }

    /** The parameters both builders read the same way. */
    private StringBuilder buildQuery(BuildRequest request, String builder) {
        StringBuilder query = new StringBuilder();
        param(query, "version", builder);
        request.names().forEach(name -> param(query, "t", name));
        param(query, "buildargs", toJson(request.buildArgs()));
        param(query, "labels", toJson(request.labels()));
        BuildFlags flags = request.flags();
        if (flags.target() != null) {
            param(query, "target", flags.target());
        }
        if (flags.pull()) {
            param(query, "pull", "1");
        }
        if (flags.noCache()) {
            param(query, "nocache", "1");
        }
        if (flags.network() != null) {
            param(query, "networkmode", flags.network());
        }
        if (flags.platform() != null) {
            param(query, "platform", flags.platform());
        }
        return query;
    }

    @Override
    public void tag(String source, String repository, String tag) {
        StringBuilder query = new StringBuilder();
        param(query, "repo", repository);
        param(query, "tag", tag);
        try (EngineResponse response = http.send("POST", api("/images/" + source + "/tag?" + query), Map.of(), null)) {
            if (!response.isSuccess()) {
                throw new PushFailedException(PushFailedException.Reason.LOCAL_TAG, null,
                        "tag " + repository + ":" + tag + ": " + errorMessage(response));
            }
        } catch (IOException e) {
            throw unreachable("tag " + repository + ":" + tag, e);
        }
    }

    @Override
    public Digest push(String repository, String tag, String registryAuth, EngineProgress progress) {
        String image = repository + ":" + tag;
        StringBuilder query = new StringBuilder();
        param(query, "tag", tag);
        Map<String, String> headers = Map.of("X-Registry-Auth", registryAuth);
        PushStream stream = new PushStream(image, tag, progress);
        return streamed("push " + image, api("/images/" + repository + "/push?" + query), headers, null, stream::failure,
                body -> stream.read(body, json));
    }

    /** Reads a streamed answer ({@link BuildStream}, {@link BuildKitStreamReader}, {@link PushStream}). */
    private interface StreamReader<T> {
        T read(java.io.InputStream body) throws IOException;
    }

    /**
     * A POST whose answer is a JSON-lines stream: a refusal (4xx/5xx) becomes the failure {@code refused} makes of the
     * engine's message; no answer at all, the engine unreachable; a stream cut short, the engine gone mid-way.
     */
    private <T> T streamed(String action, String target, Map<String, String> headers, EngineHttp.BodyWriter body,
            java.util.function.Function<String, RuntimeException> refused, StreamReader<T> reader) {
        EngineResponse response;
        try {
            response = http.send("POST", target, headers, body);
        } catch (IOException e) {
            throw unreachable(action, e);
        }
        try (response) {
            if (!response.isSuccess()) {
                throw refused.apply(errorMessage(response));
            }
            return reader.read(response.body());
        } catch (IOException e) {
            throw dropped(action, e);
        }
    }

    @Override
    public Optional<ImageInfo> inspect(String name) {
        try (EngineResponse response = http.send("GET", api("/images/" + name + "/json"), Map.of(), null)) {
            if (response.status() == 404) {
                return Optional.empty();
            }
            if (!response.isSuccess()) {
                throw new EngineUnavailableException(Reason.ENGINE_ERROR, address.toString(), address.isUnix(),
                        "inspect " + name + ": the engine answered " + response.status() + ": " + errorMessage(response), null);
            }
            JsonNode image = json.readTree(response.smallBody(16 * 1024 * 1024));
            return Optional.of(new ImageInfo(image.path("Id").asText(), strings(image.path("RepoDigests")),
                    labels(image.path("Config").path("Labels"))));
        } catch (IOException e) {
            throw unreachable("inspect " + name, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    /** The path at the negotiated API version; the first call negotiates. */
    private String api(String path) {
        return "/v" + negotiated() + path;
    }

    private ApiVersion negotiated() {
        if (version != null) {
            return version;
        }
        ApiVersion engine;
        try (EngineResponse ping = pingWaiting()) {
            String header = ping.header("API-Version");
            builderVersion = ping.header("Builder-Version");
            engine = header != null ? ApiVersion.parse(header) : null;
        } catch (IOException e) {
            throw unreachable("connect to the Docker engine", e);
        }
        if (engine == null) {
            // Engines before API 1.25 leave the header out of /_ping; /version still says it.
            JsonNode about = aboutEngine();
            engine = about.hasNonNull("ApiVersion") ? ApiVersion.parse(about.get("ApiVersion").asText()) : null;
        }
        if (engine == null) {
            throw new EngineUnavailableException(Reason.NOT_AN_ENGINE, address.toString(), address.isUnix(),
                    "connect to the Docker engine at " + address + ": it does not say which API it speaks", null);
        }
        if (engine.compareTo(ApiVersion.OLDEST) < 0) {
            aboutEngine();
            throw new EngineUnavailableException(Reason.TOO_OLD, address.toString(), address.isUnix(),
                    "connect to the Docker engine at " + address + ": engine " + engineVersion + " speaks API " + engine
                            + ", older than the " + ApiVersion.OLDEST + " dhpush needs (Docker 20.10)", null);
        }
        version = ApiVersion.negotiate(engine);
        LOG.debugf("engine at %s speaks API %s; using %s", address, engine, version);
        return version;
    }

    /**
     * {@code GET /_ping}, waiting within the {@link EngineWait} while the engine is not there yet: the wait is said at
     * its start and every ten seconds, and the first failure of another kind ends it at once.
     */
    private EngineResponse pingWaiting() throws IOException {
        long started = System.nanoTime();
        long nextReport = 0;
        while (true) {
            try {
                EngineResponse ping = http.send("GET", "/_ping", Map.of(), null);
                if (nextReport > 0) {
                    wait.listener().answered(address.toString(), Duration.ofNanos(System.nanoTime() - started));
                }
                return ping;
            } catch (IOException e) {
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                if (!EngineWait.notThereYet(e) || waited.plus(RETRY_EVERY).compareTo(wait.limit()) > 0) {
                    throw e;
                }
                if (waited.toNanos() >= nextReport) {
                    wait.listener().waiting(address.toString(), waited, wait.limit());
                    nextReport = waited.toNanos() + REPORT_EVERY.toNanos();
                }
                LOG.debugf("engine at %s not there yet (%s); trying again", address, e.getMessage());
                sleep(e);
            }
        }
    }

    private static void sleep(IOException cause) throws IOException {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    /** {@code GET /version}, asked only when its answer is shown: /_ping alone negotiates the API. */
    private JsonNode aboutEngine() {
        try (EngineResponse reply = http.send("GET", "/version", Map.of(), null)) {
            JsonNode about = json.readTree(reply.smallBody(ERROR_BODY_LIMIT));
            engineVersion = about.path("Version").asText("unknown");
            return about;
        } catch (IOException e) {
            throw unreachable("connect to the Docker engine", e);
        }
    }

    private EngineUnavailableException unreachable(String action, IOException cause) {
        Reason reason = cause instanceof EngineSilenceException ? Reason.SILENT
                : cause instanceof ProtocolException ? Reason.NOT_AN_ENGINE : Reason.UNREACHABLE;
        return new EngineUnavailableException(reason, address.toString(), address.isUnix(), action
                + ": no answer from the Docker engine at " + address + " (" + IoCause.of(cause) + ")", cause);
    }

    /**
     * The engine answered, then hung up before the end: it died, restarted or ran out of memory mid-way. (An answer
     * that is not what the API promises is an engine error instead.)
     */
    private EngineUnavailableException dropped(String action, IOException cause) {
        if (cause instanceof ProtocolException) {
            return new EngineUnavailableException(Reason.ENGINE_ERROR, address.toString(), address.isUnix(), action
                    + ": the Docker engine at " + address + " sent an answer the Engine API does not allow ("
                    + IoCause.of(cause) + ")", cause);
        }
        return new EngineUnavailableException(Reason.DROPPED, address.toString(), address.isUnix(), action
                + ": the Docker engine at " + address + " closed the connection before the end (" + IoCause.of(cause) + ")", cause);
    }

    private String errorMessage(EngineResponse response) throws IOException {
        String body = response.smallBody(ERROR_BODY_LIMIT);
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                return error.get("message").asText();
            }
        } catch (IOException notJson) {
            // some proxies answer in plain text
        }
        return "HTTP " + response.status() + (body.isBlank() ? "" : ": " + body.strip());
    }

    private String toJson(Object map) {
        try {
            return json.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void param(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
