package dev.nsg.dhpush.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small implementation of the Docker token protocol, standing in for Docker Hub's auth service: JWTs signed with a
 * key the test makes (RS256, key ID as libtrust computes it, which the registry looks up in its rootcertbundle).
 * Anyone may pull; only a namespace's owner, with the right password, may push to it.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String SERVICE = "dhpush-test-registry";
    public static final String ISSUER = "dhpush-test-issuer";

    private final HttpServer server;
    private final Map<String, String> users;
    private final PrivateKey key;
    private final String keyId;
    private final Path certificate;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    /** Refresh tokens (what docker login stores as identitytoken) to their user. */
    private final Map<String, String> refreshTokens = new java.util.concurrent.ConcurrentHashMap<>();
    /** How each token was asked for: "GET basic", "GET anonymous", "POST password", "POST refresh_token". */
    private final List<String> grants = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean refusePost;

    private TokenIssuer(Map<String, String> users) throws Exception {
        this.users = users;
        Path dir = Files.createTempDirectory("dhpush-issuer-");
        Commands.Result made = Commands.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem",
                "-out", "cert.pem", "-days", "2", "-subj", "/CN=" + ISSUER), Map.of(), dir, null, 120);
        if (made.exitCode() != 0) {
            throw new AssertionError("openssl failed: " + made);
        }
        this.certificate = dir.resolve("cert.pem");
        String pem = Files.readString(dir.resolve("key.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        byte[] publicKey;
        try (var in = Files.newInputStream(certificate)) {
            publicKey = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
        }
        this.keyId = libtrustKeyId(publicKey);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/token", this::token);
        server.start();
    }

    /** @param users user name to password; a user may push to the namespace of the same name */
    public static TokenIssuer start(Map<String, String> users) {
        try {
            return new TokenIssuer(users);
        } catch (Exception e) {
            throw new AssertionError("cannot start the token issuer: " + e.getMessage(), e);
        }
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public Path certificate() {
        return certificate;
    }

    /** A new refresh token for {@code user}, as an SSO login would store it in config.json's identitytoken. */
    public String refreshToken(String user) {
        String token = "refresh-" + UUID.randomUUID();
        refreshTokens.put(token, user);
        return token;
    }

    /** Answers the OAuth2 POST with 405, as a realm that only speaks the GET form does. */
    public void refusePost(boolean refuse) {
        refusePost = refuse;
    }

    /** How each token so far was asked for, in order. */
    public List<String> grants() {
        return List.copyOf(grants);
    }

    public int tokensIssued() {
        return issued.get();
    }

    /** Every token issued so far: bearer credentials, which must never reach dhpush's output either. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /**
     * Both ways Docker Hub's token service answers: GET with Basic credentials and {@code scope} parameters (the docker
     * CLI's classic push, dhpush), and the OAuth2 POST form with {@code grant_type=password} and space-separated
     * scopes (containerd's resolver, which a dockerd on the containerd image store pushes with).
     */
    private void token(HttpExchange exchange) throws IOException {
        String user = null;
        List<String> scopes = new ArrayList<>();
        if (exchange.getRequestMethod().equals("POST") && refusePost) {
            reply(exchange, 405, "{\"details\":\"method not allowed\"}");
            return;
        }
        if (exchange.getRequestMethod().equals("POST")) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String field : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                int equals = field.indexOf('=');
                if (equals > 0) {
                    form.put(URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            if ("refresh_token".equals(form.get("grant_type"))) {
                user = refreshTokens.get(form.getOrDefault("refresh_token", ""));
                if (user == null) {
                    reply(exchange, 401, "{\"details\":\"invalid refresh token\"}");
                    return;
                }
            } else if (!"password".equals(form.get("grant_type")) || !users.containsKey(form.get("username"))
                    || !users.get(form.get("username")).equals(form.get("password"))) {
                reply(exchange, 401, "{\"details\":\"incorrect username or password\"}");
                return;
            } else {
                user = form.get("username");
            }
            grants.add("POST " + form.get("grant_type"));
            scopes.addAll(List.of(form.getOrDefault("scope", "").split(" ")));
        } else {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && authorization.startsWith("Basic ")) {
                String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
                if (pair.length == 2 && refreshTokens.containsKey(pair[1])) {
                    user = refreshTokens.get(pair[1]); // the GET form with an identity token as the password
                } else if (pair.length != 2 || !pair[1].equals(users.get(pair[0]))) {
                    reply(exchange, 401, "{\"details\":\"incorrect username or password\"}");
                    return;
                } else {
                    user = pair[0];
                }
            }
            grants.add(user == null ? "GET anonymous" : "GET basic");
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("scope=")) {
                    scopes.add(URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8));
                }
            }
        }
        List<Map<String, Object>> access = new ArrayList<>();
        for (String requested : scopes) {
            String[] scope = requested.split(":");
            if (scope.length != 3 || !scope[0].equals("repository")) {
                continue;
            }
            List<String> granted = new ArrayList<>();
            for (String action : scope[2].split(",")) {
                boolean owner = user != null && scope[1].startsWith(user + "/");
                if (action.equals("pull") || (action.equals("push") && owner)) {
                    granted.add(action);
                }
            }
            access.add(Map.of("type", "repository", "name", scope[1], "actions", granted));
        }
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", user == null ? "" : user);
        claims.put("aud", SERVICE);
        claims.put("exp", now + 300);
        claims.put("nbf", now - 10);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        String token = sign(Map.of("typ", "JWT", "alg", "RS256", "kid", keyId), claims);
        issued.incrementAndGet();
        tokens.add(token);
        reply(exchange, 200, json.writeValueAsString(Map.of("token", token, "access_token", token, "expires_in", 300)));
    }

    private String sign(Map<String, Object> header, Map<String, Object> claims) {
        try {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String input = base64.encodeToString(json.writeValueAsBytes(header)) + "." + base64.encodeToString(json.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** libtrust's key ID: SHA-256 of the DER public key, first 240 bits, base32, in colon-separated groups of four. */
    static String libtrustKeyId(byte[] derPublicKey) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(derPublicKey);
        String base32 = Base32.encode(java.util.Arrays.copyOf(hash, 30));
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < base32.length(); i += 4) {
            if (i > 0) {
                id.append(':');
            }
            id.append(base32, i, Math.min(i + 4, base32.length()));
        }
        return id.toString();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** RFC 4648 base32, the alphabet libtrust uses; 30 bytes encode to 48 characters without padding. */
    private static final class Base32 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        static String encode(byte[] data) {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : data) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
            }
            return out.toString();
        }
    }
}
