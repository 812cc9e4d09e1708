package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.EngineUnavailableException;
import dev.nsg.dhpush.failure.PushFailedException;
import dev.nsg.dhpush.model.Digest;

/** {@link DockerEngine} over the Engine HTTP API, at the API version negotiated on first use. */
public final class HttpDockerEngine implements DockerEngine {

    private static final Logger LOG = Logger.getLogger(HttpDockerEngine.class);
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final int STEP_OUTPUT_LINES = 20;
    private static final Pattern PUSHED_DIGEST = Pattern.compile("digest: (sha256:[a-f0-9]{64})");
    private static final List<String> AUTH_REFUSALS = List.of("unauthorized", "authentication required",
            "denied", "no basic auth credentials", "incorrect username or password", "insufficient_scope", "forbidden");

    private final EngineAddress address;
    private final EngineHttp http;
    private final ObjectMapper json;
    private ApiVersion version;
    private String engineVersion;

    HttpDockerEngine(EngineAddress address, EngineHttp http, ObjectMapper json) {
        this.address = address;
        this.http = http;
        this.json = json;
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
        String image = request.names().isEmpty() ? "image" : request.names().get(0);
        StringBuilder query = new StringBuilder("version=1&rm=1&forcerm=1");
        request.names().forEach(name -> param(query, "t", name));
        param(query, "dockerfile", request.context().dockerfileName());
        param(query, "buildargs", toJson(request.buildArgs()));
        param(query, "labels", toJson(request.labels()));
        if (request.target() != null) {
            param(query, "target", request.target());
        }
        if (request.pull()) {
            param(query, "pull", "1");
        }
        if (request.noCache()) {
            param(query, "nocache", "1");
        }
        if (request.network() != null) {
            param(query, "networkmode", request.network());
        }
        if (request.platform() != null) {
            param(query, "platform", request.platform());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-tar");
        if (request.registryConfig() != null) {
            headers.put("X-Registry-Config", request.registryConfig());
        }
        try (EngineResponse response = http.send("POST", api("/build?" + query), headers, request.context()::writeTar)) {
            if (!response.isSuccess()) {
                throw new BuildFailedException("build " + image + ": the engine refused the build: " + errorMessage(response),
                        "check the build options (--file, --target, --platform, --build-arg)");
            }
            return readBuildStream(image, response.body(), progress);
        } catch (IOException e) {
            throw unreachable("build " + image, e);
        }
    }

    private String readBuildStream(String image, InputStream body, EngineProgress progress) throws IOException {
        JsonMessageReader reader = new JsonMessageReader(body, json);
        List<String> stepOutput = new ArrayList<>();
        String imageId = null;
        for (JsonMessage message = reader.next(); message != null; message = reader.next()) {
            if (message.isError()) {
                throw new BuildFailedException("build " + image + ": " + message.errorMessage().strip(),
                        stepOutput.isEmpty() ? null : "last output of the failing step: " + String.join(" | ", stepOutput));
            }
            if (message.stream() != null) {
                progress.buildOutput(message.stream());
                rememberStepOutput(stepOutput, message.stream());
            } else if (message.status() != null) {
                progress.status(message.status());
            }
            if (message.aux() != null && message.aux().hasNonNull("ID")) {
                imageId = message.aux().get("ID").asText();
            }
        }
        if (imageId == null) {
            throw new BuildFailedException("build " + image + ": the engine ended the build without reporting an image ID",
                    "rerun with --debug and check the engine's log");
        }
        return imageId;
    }

    private static void rememberStepOutput(List<String> stepOutput, String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("Step ")) {
                stepOutput.clear();
            }
            if (!line.isBlank() && !line.startsWith(" ---> ")) {
                stepOutput.add(line.strip());
            }
        }
        while (stepOutput.size() > STEP_OUTPUT_LINES) {
            stepOutput.remove(0);
        }
    }

    @Override
    public void tag(String source, String repository, String tag) {
        StringBuilder query = new StringBuilder();
        param(query, "repo", repository);
        param(query, "tag", tag);
        try (EngineResponse response = http.send("POST", api("/images/" + source + "/tag?" + query), Map.of(), null)) {
            if (!response.isSuccess()) {
                throw new BuildFailedException("tag " + repository + ":" + tag + ": " + errorMessage(response), null);
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
        try (EngineResponse response = http.send("POST", api("/images/" + repository + "/push?" + query), headers, null)) {
            if (!response.isSuccess()) {
                throw pushFailure(image, errorMessage(response));
            }
            return readPushStream(image, tag, response.body(), progress);
        } catch (IOException e) {
            throw unreachable("push " + image, e);
        }
    }

    private Digest readPushStream(String image, String tag, InputStream body, EngineProgress progress) throws IOException {
        JsonMessageReader reader = new JsonMessageReader(body, json);
        String digest = null;
        for (JsonMessage message = reader.next(); message != null; message = reader.next()) {
            if (message.isError()) {
                throw pushFailure(image, message.errorMessage().strip());
            }
            if (message.aux() != null && message.aux().hasNonNull("Digest")) {
                JsonNode aux = message.aux();
                if (!aux.hasNonNull("Tag") || tag.equals(aux.get("Tag").asText())) {
                    digest = aux.get("Digest").asText();
                }
            } else if (message.status() != null && message.id() != null) {
                JsonMessage.ProgressDetail detail = message.progressDetail();
                progress.layerStatus(message.id(), message.status(),
                        detail == null ? null : detail.current(), detail == null ? null : detail.total());
            } else if (message.status() != null) {
                progress.status(message.status());
                Matcher matcher = PUSHED_DIGEST.matcher(message.status());
                if (digest == null && matcher.find()) {
                    digest = matcher.group(1);
                }
            }
        }
        if (digest == null) {
            throw new PushFailedException("push " + image + ": the engine ended the push without reporting a digest",
                    "rerun with --debug and check the engine's log");
        }
        return Digest.of(digest);
    }

    private static RuntimeException pushFailure(String image, String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        // Older engines answer 404, newer ones put it in the stream: either way the tag was never built here.
        if (lower.contains("does not exist locally") || lower.contains("no such image")) {
            return new PushFailedException("push " + image + ": the engine has no such image (" + reason + ")",
                    "build it first (dhpush build --tag " + image.substring(image.lastIndexOf(':') + 1)
                            + "), or check --repository and --registry");
        }
        if (AUTH_REFUSALS.stream().anyMatch(lower::contains)) {
            return new AuthRefusedException("push " + image + ": the registry refused the credentials or the access: " + reason,
                    "check DOCKER_HUB_USER and DOCKER_HUB_KEY; a Docker Hub access token needs \"Read & Write\" scope to push,"
                            + " and the repository must belong to that user or one of its organisations");
        }
        return new PushFailedException("push " + image + ": " + reason, null);
    }

    @Override
    public Optional<ImageInfo> inspect(String name) {
        try (EngineResponse response = http.send("GET", api("/images/" + name + "/json"), Map.of(), null)) {
            if (response.status() == 404) {
                return Optional.empty();
            }
            if (!response.isSuccess()) {
                throw new EngineUnavailableException("inspect " + name + ": the engine answered " + response.status()
                        + ": " + errorMessage(response), null);
            }
            JsonNode image = json.readTree(response.smallBody(16 * 1024 * 1024));
            return Optional.of(new ImageInfo(image.path("Id").asText(),
                    strings(image.path("RepoTags")), strings(image.path("RepoDigests")), labels(image.path("Config").path("Labels"))));
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
        try (EngineResponse ping = http.send("GET", "/_ping", Map.of(), null)) {
            String header = ping.header("API-Version");
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
            throw new EngineUnavailableException("connect to the Docker engine at " + address + ": it does not say which API it speaks",
                    "is this a Docker engine? check --host or DOCKER_HOST");
        }
        if (engine.compareTo(ApiVersion.OLDEST) < 0) {
            aboutEngine();
            throw new EngineUnavailableException("connect to the Docker engine at " + address + ": engine " + engineVersion
                    + " speaks API " + engine + ", older than the " + ApiVersion.OLDEST + " dhpush needs",
                    "upgrade the engine to Docker 20.10 or newer");
        }
        version = ApiVersion.negotiate(engine);
        LOG.debugf("engine at %s speaks API %s; using %s", address, engine, version);
        return version;
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
        String hint = address.isUnix()
                ? "is dockerd running, and may this user open " + address.socket() + "? (set --host or DOCKER_HOST for another engine)"
                : "is the engine listening there, and do DOCKER_TLS_VERIFY and DOCKER_CERT_PATH match its TLS setting?";
        return new EngineUnavailableException(action + ": no answer from the Docker engine at " + address
                + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", hint, cause);
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

    private String toJson(Map<String, String> map) {
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
