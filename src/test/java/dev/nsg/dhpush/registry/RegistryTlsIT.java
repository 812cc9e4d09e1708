package dev.nsg.dhpush.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.TestCertificates;
import dev.nsg.dhpush.testing.TestContext;

/**
 * A registry on TLS with a private CA that asks every client for a certificate, set up the way docker users set it
 * up: the CA and the client certificate in the daemon's certs.d directory for that registry. No engine is needed:
 * a --dry-run's preflight proves push access over that TLS connection, or fails on it.
 */
class RegistryTlsIT {

    private static TestCertificates certificates;
    private static LocalRegistry registry;

    @BeforeAll
    static void start() {
        String address = LocalRegistry.nonLoopbackAddress();
        certificates = TestCertificates.create("registry-tls", TestCertificates.ClientKey.SEC1_EC, address);
        registry = LocalRegistry.withTls(certificates, address, true);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static Commands.Result dryRun(Path certsD) {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\n");
        return Dhpush.run(Map.of("DHPUSH_SYSTEM_CERTS_D", certsD.toString(), "DHPUSH_REGISTRY_MAX_ATTEMPTS", "1"), null,
                "--dry-run", "--context", context.toString(), "--registry", registry.address(), "--repository", "team/app",
                "--tag", "1", "--progress", "plain");
    }

    private static Path certsD(boolean withClientCertificate) throws IOException {
        Path certsD = Files.createTempDirectory("dhpush-certs-d-");
        Path host = Files.createDirectories(certsD.resolve(registry.address()));
        Files.copy(certificates.ca(), host.resolve("ca.crt"));
        if (withClientCertificate) {
            Files.copy(certificates.clientDirectory().resolve("cert.pem"), host.resolve("client.cert"));
            Files.copy(certificates.clientDirectory().resolve("key.pem"), host.resolve("client.key"));
        }
        return certsD;
    }

    @Test
    void theCaAndTheClientCertificateFromCertsD_reachTheRegistry_andPushAccessIsProven() throws IOException {
        Commands.Result result = dryRun(certsD(true));
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("==> preflight push access to " + registry.address() + "/team/app proven"), result.stderr());
    }

    @Test
    void withoutTheClientCertificate_theRegistryRefusesTheConnection_exit8() throws IOException {
        Commands.Result result = dryRun(certsD(false));
        assertEquals(8, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("error: ") && result.stderr().contains(registry.address()), result.stderr());
    }

    @Test
    void withoutTheCa_theRegistrysCertificateIsNotTrusted_exit8() throws IOException {
        Commands.Result result = dryRun(Files.createTempDirectory("dhpush-no-certs-d-"));
        assertEquals(8, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("TLS failed"), result.stderr());
    }
}
