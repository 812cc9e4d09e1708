package dev.nsg.dhpush.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's docker-registry (the reference v2 registry) on a free loopback port, with a fresh storage directory:
 * no auth, or htpasswd Basic auth for one user.
 */
public final class LocalRegistry implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final int port;
    private final Thread stopOnExit;
    /** The address it listens on: 127.0.0.1, or a non-loopback one for a TLS registry. */
    private String host = "127.0.0.1";
    private boolean tls;

    private LocalRegistry(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.stopOnExit = new Thread(process::destroy, "stop-docker-registry-" + port);
    }

    public static LocalRegistry open() {
        return start(null, null, null);
    }

    public static LocalRegistry withBasicAuth(String user, String password) {
        return start(user, password, null);
    }

    /** Docker-Hub-style: Bearer tokens from {@code issuer}, whose signing certificate the registry trusts. */
    public static LocalRegistry withTokenAuth(TokenIssuer issuer) {
        String auth = "auth:\n  token:\n    realm: " + issuer.realm() + "\n    service: " + TokenIssuer.SERVICE
                + "\n    issuer: " + TokenIssuer.ISSUER + "\n    rootcertbundle: " + issuer.certificate() + "\n";
        return start(null, null, auth);
    }

    /**
     * TLS on {@code address} (a non-loopback address of this machine: dhpush and docker speak plain HTTP to loopback),
     * with the server certificate of {@code certificates}, and, when {@code requireClientCertificate}, only clients
     * presenting a certificate of the same test CA.
     */
    public static LocalRegistry withTls(TestCertificates certificates, String address, boolean requireClientCertificate) {
        String tls = "  tls:\n    certificate: " + certificates.serverCertificate() + "\n    key: " + certificates.serverKey() + "\n"
                + (requireClientCertificate ? "    clientcas:\n      - " + certificates.ca() + "\n" : "");
        return start(null, null, null, address, tls);
    }

    /** The first address of this machine that is not loopback (a TLS registry listens there), or an AssertionError. */
    public static String nonLoopbackAddress() {
        try {
            for (java.net.NetworkInterface network : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (java.net.InetAddress address : java.util.Collections.list(network.getInetAddresses())) {
                    if (address instanceof java.net.Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list this machine's network interfaces: " + e.getMessage(), e);
        }
        throw new AssertionError("this machine has no IPv4 address besides loopback: a TLS registry test needs one"
                + " (dhpush speaks plain HTTP to loopback registries)");
    }

    private static LocalRegistry start(String user, String password, String authSection) {
        return start(user, password, authSection, "127.0.0.1", null);
    }

    private static LocalRegistry start(String user, String password, String authSection, String host, String tlsSection) {
        try {
            Path directory = Files.createTempDirectory("dhpush-registry-");
            int port = freePort();
            StringBuilder config = new StringBuilder()
                    .append("version: 0.1\n")
                    .append("log:\n  level: warn\n")
                    .append("storage:\n  filesystem:\n    rootdirectory: ").append(directory.resolve("data")).append('\n')
                    .append("  delete:\n    enabled: true\n")
                    .append("http:\n  addr: ").append(host).append(':').append(port).append('\n');
            if (tlsSection != null) {
                config.append(tlsSection);
            }
            if (user != null) {
                // bcrypt, the only hash the registry accepts; the password goes to htpasswd on stdin, not argv.
                Commands.Result hashed = Commands.run(List.of("htpasswd", "-niB", user), Map.of(), null,
                        password.getBytes(StandardCharsets.UTF_8), 60);
                if (hashed.exitCode() != 0) {
                    throw new AssertionError("htpasswd failed (Debian: apt-get install apache2-utils): " + hashed.stderr());
                }
                Files.writeString(directory.resolve("htpasswd"), hashed.stdout().strip() + "\n");
                config.append("auth:\n  htpasswd:\n    realm: dhpush-test\n    path: ").append(directory.resolve("htpasswd")).append('\n');
            }
            if (authSection != null) {
                config.append(authSection);
            }
            Files.writeString(directory.resolve("config.yml"), config);
            Process process = new ProcessBuilder(binary(), "serve", directory.resolve("config.yml").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("registry.log").toFile())
                    .start();
            LocalRegistry registry = new LocalRegistry(process, directory, port);
            registry.host = host;
            registry.tls = tlsSection != null;
            // An interrupted test run (Ctrl-C, a Surefire timeout) never reaches close(): do not leave the registry behind.
            Runtime.getRuntime().addShutdownHook(registry.stopOnExit);
            registry.awaitReady();
            return registry;
        } catch (IOException e) {
            throw new AssertionError("cannot start docker-registry: " + e.getMessage(), e);
        }
    }

    private static String binary() {
        for (String candidate : new String[] {"/usr/bin/docker-registry", "/usr/local/bin/docker-registry"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("docker-registry is not installed (Debian: apt-get install docker-registry; src/scripts/test installs it)");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("docker-registry exited at start: " + log());
            }
            if (tls) {
                // A TLS registry may ask for a client certificate: that it takes connections is enough here.
                try (java.net.Socket socket = new java.net.Socket(host, port)) {
                    return;
                } catch (IOException notYet) {
                    sleep(100);
                    continue;
                }
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url("/v2/")).toURL().openConnection();
                connection.setConnectTimeout(500);
                int status = connection.getResponseCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep(100);
        }
        throw new AssertionError("docker-registry did not answer within 20 s: " + log());
    }

    /** {@code 127.0.0.1:PORT}: the engine treats loopback registries as plain-HTTP ones. */
    public String address() {
        return host + ":" + port;
    }

    public String url(String path) {
        return "http://" + address() + path;
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("registry.log"));
        } catch (IOException e) {
            return "<no log>";
        }
    }

    /** The registry's own answer: the Docker-Content-Digest of a manifest HEAD, or null when the tag is absent. */
    public String manifestDigest(String repository, String tag, String user, String password) {
        try {
            HttpURLConnection connection = manifestRequest("HEAD", repository, tag, user, password);
            return connection.getResponseCode() == 200 ? connection.getHeaderField("Docker-Content-Digest") : null;
        } catch (IOException e) {
            throw new AssertionError("registry HEAD failed: " + e.getMessage(), e);
        }
    }

    /** The manifest the registry serves for the tag, as its JSON text. */
    public String manifest(String repository, String tag, String user, String password) {
        try {
            HttpURLConnection connection = manifestRequest("GET", repository, tag, user, password);
            if (connection.getResponseCode() != 200) {
                throw new AssertionError("registry GET of " + repository + ":" + tag + " answered " + connection.getResponseCode());
            }
            try (var body = connection.getInputStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new AssertionError("registry GET failed: " + e.getMessage(), e);
        }
    }

    private HttpURLConnection manifestRequest(String method, String repository, String tag, String user, String password)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url("/v2/" + repository + "/manifests/" + tag)).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", String.join(",",
                "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.oci.image.manifest.v1+json",
                "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.index.v1+json"));
        if (user != null) {
            connection.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return connection;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the process too
        }
        process.destroy();
        // The engine's tags under this registry point at a registry that is gone now: the test's leftovers.
        LocalEngine.removeTagsUnder(address());
        try {
            process.waitFor();
            Commands.run(List.of("rm", "-rf", directory.toString()), Map.of(), null, null, 60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
