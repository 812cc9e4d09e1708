package dev.nsg.dhpush.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.EngineForwarder;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.TestCertificates;
import dev.nsg.dhpush.testing.TestContext;

/** Every way of reaching the engine: unix socket, tcp, TLS with client certificates, and no engine at all. */
class EngineTransportIT {

    private static final String IMAGE = "dhpush-it/transport";
    private static Path context;

    @BeforeAll
    static void engine() {
        LocalEngine.require();
        context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\n");
    }

    @AfterAll
    static void cleanUp() {
        LocalEngine.removeImages(IMAGE + ":unix", IMAGE + ":tcp", IMAGE + ":tls", IMAGE + ":late");
    }

    private static Commands.Result buildVia(Map<String, String> environment, String tag) {
        return Dhpush.run(environment, null, "build", "--context", context.toString(), "--repository", IMAGE, "--tag", tag, "--debug");
    }

    @Test
    void unixSocket_fromDockerHost() throws Exception {
        Path socket = Files.createTempDirectory("dhpush-sock-").resolve("engine.sock");
        try (EngineForwarder forwarder = EngineForwarder.unix(socket)) {
            Commands.Result result = buildVia(Map.of("DOCKER_HOST", forwarder.address()), "unix");
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.stderr().contains("at " + forwarder.address()), result.stderr());
        }
    }

    @Test
    void tcp_fromTheHostOption() throws Exception {
        try (EngineForwarder forwarder = EngineForwarder.tcp(null, false)) {
            Commands.Result result = Dhpush.run(Map.of(), null, "build", "--host", forwarder.address(),
                    "--context", context.toString(), "--repository", IMAGE, "--tag", "tcp");
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.stderr().contains(forwarder.address()), result.stderr());
        }
    }

    /** key.pem in each form docker users have: what openssl writes today, docker-machine's PKCS#1, and SEC1 EC keys. */
    @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.EnumSource(TestCertificates.ClientKey.class)
    void tls_withClientCertificateFromDockerCertPath(TestCertificates.ClientKey clientKey) throws Exception {
        TestCertificates certificates = TestCertificates.create("engine", clientKey);
        try (EngineForwarder forwarder = EngineForwarder.tcp(certificates.serverContext(), true)) {
            Map<String, String> environment = new HashMap<>();
            environment.put("DOCKER_HOST", forwarder.address());
            environment.put("DOCKER_TLS_VERIFY", "1");
            environment.put("DOCKER_CERT_PATH", certificates.clientDirectory().toString());
            Commands.Result result = buildVia(environment, "tls");
            assertEquals(0, result.exitCode(), result.toString());
        }
    }

    @Test
    void tls_againstAnEngineSignedByAnotherCa_exits3() throws Exception {
        TestCertificates engineCertificates = TestCertificates.create("engine");
        TestCertificates otherCa = TestCertificates.create("other");
        try (EngineForwarder forwarder = EngineForwarder.tcp(engineCertificates.serverContext(), false)) {
            Commands.Result result = buildVia(Map.of("DOCKER_HOST", forwarder.address(), "DOCKER_TLS_VERIFY", "1",
                    "DOCKER_CERT_PATH", otherCa.clientDirectory().toString()), "tls");
            assertEquals(3, result.exitCode(), result.toString());
            assertTrue(result.stderr().contains("no answer from the Docker engine at " + forwarder.address()), result.stderr());
        }
    }

    @Test
    void tls_withoutCertificateFiles_exits2_namingTheMissingFile() throws Exception {
        Path empty = Files.createTempDirectory("dhpush-nocerts-");
        Commands.Result result = buildVia(Map.of("DOCKER_HOST", "tcp://localhost:1", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", empty.toString()), "tls");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("engine TLS: cannot read " + empty.resolve("ca.pem")), result.stderr());
    }

    @Test
    void noEngineOnTheSocket_exits3_namingTheAddressAndWhatToCheck() {
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--host", "unix:///nonexistent/docker.sock",
                "--context", context.toString(), "--repository", IMAGE, "--tag", "x");
        assertEquals(3, result.exitCode(), result.toString());
        String[] lines = result.stderr().strip().split("\n");
        assertEquals(3, lines.length, "the target line, then one error line and one hint: " + result.stderr());
        assertTrue(lines[0].startsWith("==> target docker.io/" + IMAGE + " (--repository)"), lines[0]);
        assertTrue(lines[1].startsWith("error: connect to the Docker engine: no answer from the Docker engine at unix:///nonexistent/docker.sock"), lines[1]);
        assertTrue(lines[2].startsWith("hint: is dockerd running, and may this user open /nonexistent/docker.sock?"), lines[2]);
    }

    @Test
    void noEngineOnTcp_exits3() {
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--host", "tcp://127.0.0.1:" + LocalRegistry.freePort(),
                "--context", context.toString(), "--repository", IMAGE, "--tag", "x");
        assertEquals(3, result.exitCode(), result.toString());
    }

    /**
     * The engine appears only after dhpush has said it waits for it (no sleep racing the JVM's start): dhpush must
     * keep waiting, then build, and say how long it waited.
     */
    @Test
    void anEngineThatComesUpLate_isWaitedFor_visibly() throws Exception {
        Path socket = Files.createTempDirectory("dhpush-late-").resolve("engine.sock");
        java.util.List<String> command = new java.util.ArrayList<>(Dhpush.command());
        command.addAll(java.util.List.of("build", "--host", "unix://" + socket, "--engine-wait", "60s", "--context", context.toString(),
                "--repository", IMAGE, "--tag", "late", "--progress", "plain"));
        Process process = Dhpush.processBuilder(command, Map.of()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder stderr = new StringBuilder();
        java.util.concurrent.CompletableFuture<Void> waiting = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                    if (line.contains("waiting for the Docker engine at unix://" + socket + " (up to 60 s)…")) {
                        waiting.complete(null);
                    }
                }
            } catch (java.io.IOException e) {
                waiting.completeExceptionally(e);
            }
        }, "late-engine-stderr");
        reader.start();
        try {
            waiting.get(60, java.util.concurrent.TimeUnit.SECONDS);
            try (EngineForwarder forwarder = EngineForwarder.unix(socket)) {
                assertTrue(process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "dhpush did not end");
                reader.join(10_000);
                synchronized (stderr) {
                    assertEquals(0, process.exitValue(), stderr.toString());
                    assertTrue(stderr.toString().contains("the Docker engine at unix://" + socket + " answered after"), stderr.toString());
                }
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void inCi_anEngineThatNeverComes_isWaitedForByDefault_thenExit3() {
        Commands.Result result = Dhpush.run(Map.of("CI", "true"), null, "build", "--host", "unix:///nonexistent/docker.sock",
                "--engine-wait", "2s", "--context", context.toString(), "--repository", IMAGE, "--tag", "never", "--progress", "plain");
        assertEquals(3, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("waiting for the Docker engine at unix:///nonexistent/docker.sock (up to 2 s)…"), result.stderr());
    }

    @Test
    void outsideCi_anEngineThatIsOff_isExit3AtOnce_withoutWaiting() {
        Commands.Result result = Dhpush.run(Map.of(), null, "build", "--host", "unix:///nonexistent/docker.sock",
                "--context", context.toString(), "--repository", IMAGE, "--tag", "off", "--progress", "plain");
        assertEquals(3, result.exitCode(), result.toString());
        assertFalse(result.stderr().contains("waiting for"), result.stderr());
    }
}
