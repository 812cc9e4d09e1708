package dev.nsg.dhpush.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP proxy in front of a test registry: it counts every request dhpush makes and can answer the first
 * N manifest requests with 429 and a Retry-After, as Docker Hub's rate limiter does.
 */
public final class RecordingProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade");

    public record Seen(String method, String path, long atMillis, int status) {
    }

    private final HttpServer server;
    private final PlainHttpFront front;
    private final String target;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile boolean paginateTags;

    /** An answer given instead of the registry's to {@code left} requests that match, after letting {@code skip} through. */
    private record Rule(String method, String pathPart, AtomicInteger skip, AtomicInteger left, int status,
            Map<String, String> headers, String body) {
        boolean takes(String requestMethod, String path) {
            if ((method != null && !method.equals(requestMethod)) || !path.contains(pathPart)) {
                return false;
            }
            if (skip.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return false;
            }
            return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private RecordingProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::forward);
        server.start();
        this.front = new PlainHttpFront(server.getAddress().getPort());
    }

    /** @param target {@code http://127.0.0.1:PORT} of the registry behind */
    public static RecordingProxy inFrontOf(String target) {
        try {
            return new RecordingProxy(target);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public String address() {
        return "127.0.0.1:" + front.port();
    }

    /** The next {@code count} manifest requests get 429 with this Retry-After. */
    public void rateLimitManifests(int count, String retryAfterSeconds) {
        answer(null, "/manifests/", count, 429, Map.of("Retry-After", retryAfterSeconds), null);
    }

    /**
     * The next {@code count} requests with this method (null: any) whose path contains {@code pathPart} get this answer
     * instead of the registry's: how a test makes a registry refuse or fail in one precise place.
     */
    public void answer(String method, String pathPart, int count, int status, Map<String, String> headers, String body) {
        answerAfter(0, method, pathPart, count, status, headers, body);
    }

    /** As {@link #answer}, but the first {@code skip} matching requests reach the registry. */
    public void answerAfter(int skip, String method, String pathPart, int count, int status, Map<String, String> headers, String body) {
        rules.add(new Rule(method, pathPart, new AtomicInteger(skip), new AtomicInteger(count), status, headers, body));
    }

    /**
     * Pages tag lists by {@code n} and {@code last} with a Link header, as Docker Hub and registry 3 do; Debian's
     * registry 2.8 ignores {@code n} and would never exercise dhpush's pagination.
     */
    public void paginateTags() {
        paginateTags = true;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void reset() {
        seen.clear();
        rules.clear();
        paginateTags = false;
    }

    private void forward(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        long now = System.currentTimeMillis();
        for (Rule rule : rules) {
            if (rule.takes(exchange.getRequestMethod(), path)) {
                seen.add(new Seen(exchange.getRequestMethod(), path, now, rule.status()));
                exchange.getRequestBody().readAllBytes();
                rule.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                byte[] body = rule.body() == null ? new byte[0] : rule.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (body.length > 0) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                }
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(rule.status(), head || body.length == 0 ? -1 : body.length);
                if (!head && body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                exchange.close();
                return;
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path))
                .method(exchange.getRequestMethod(), exchange.getRequestMethod().equals("HEAD") || exchange.getRequestMethod().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            seen.add(new Seen(exchange.getRequestMethod(), path, now, response.statusCode()));
            if (paginateTags && path.contains("/tags/list") && response.statusCode() == 200) {
                replyWithPage(exchange, path, response.body());
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            boolean head = exchange.getRequestMethod().equals("HEAD");
            String length = response.headers().firstValue("Content-Length").orElse(null);
            if (head && length != null) {
                exchange.getResponseHeaders().set("Content-Length", length);
            }
            exchange.sendResponseHeaders(response.statusCode(), head || response.body().length == 0 ? -1 : response.body().length);
            if (!head && response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    private static void replyWithPage(HttpExchange exchange, String path, byte[] fullList) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var list = json.readTree(fullList);
        java.util.List<String> all = new java.util.ArrayList<>();
        list.path("tags").forEach(tag -> all.add(tag.asText()));
        java.util.Collections.sort(all);
        java.util.Map<String, String> query = new java.util.HashMap<>();
        String raw = URI.create(path).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
        }
        int n = Integer.parseInt(query.getOrDefault("n", "100"));
        String last = query.get("last");
        java.util.List<String> after = all.stream().filter(tag -> last == null || tag.compareTo(last) > 0).toList();
        java.util.List<String> page = after.subList(0, Math.min(n, after.size()));
        if (after.size() > page.size()) {
            String base = URI.create(path).getPath();
            exchange.getResponseHeaders().set("Link", "<" + base + "?last=" + page.get(page.size() - 1) + "&n=" + n + ">; rel=\"next\"");
        }
        byte[] body = json.writeValueAsBytes(java.util.Map.of("name", list.path("name").asText(), "tags", page));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        front.close();
        server.stop(0);
    }
}
