package dev.nsg.dhpush.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which registries are spoken to over plain HTTP (loopback by address, or named insecure), and which over TLS. */
class RegistryEndpointTest {

    private static final java.util.List<Path> NO_CERTS = java.util.List.of(Path.of("/nonexistent"));

    @Test
    void loopback_isDecidedByTheAddress_neverByADnsLookup() {
        assertTrue(RegistryEndpoint.isLoopback("127.0.0.1:5000"));
        assertTrue(RegistryEndpoint.isLoopback("127.8.9.10"));
        assertTrue(RegistryEndpoint.isLoopback("localhost:5000"));
        assertTrue(RegistryEndpoint.isLoopback("[::1]:5000"));
        assertFalse(RegistryEndpoint.isLoopback("10.0.0.1:5000"));
        assertFalse(RegistryEndpoint.isLoopback("registry.example.com"));
        assertFalse(RegistryEndpoint.isLoopback("localhost.example.com:5000"));
    }

    @Test
    void plainHttp_onlyForLoopbackOrRegistriesNamedInsecure() {
        assertEquals("http", RegistryEndpoint.of("127.0.0.1:5000", Set.of(), null, NO_CERTS).base().getScheme());
        assertEquals("https", RegistryEndpoint.of("registry.example.com", Set.of(), null, NO_CERTS).base().getScheme());
        assertEquals("http", RegistryEndpoint.of("10.0.0.1:5000", Set.of("10.0.0.1:5000"), null, NO_CERTS).base().getScheme());
        assertEquals("https", RegistryEndpoint.of("10.0.0.1:5000", Set.of("10.0.0.1:5001"), null, NO_CERTS).base().getScheme());
    }

    @Test
    void noExtraCa_meansTheSystemTrustAlone() {
        assertNull(RegistryEndpoint.of("registry.example.com", Set.of(), null, NO_CERTS).trust());
    }

    /** docker's certs.d layout: every *.crt a CA, NAME.cert with NAME.key a client certificate, from both directories. */
    @Test
    void certsD_givesTheCasAndTheClientCertificate_fromTheUsersAndTheSystemDirectory() throws Exception {
        dev.nsg.dhpush.testing.TestCertificates made = dev.nsg.dhpush.testing.TestCertificates.create("certs-d");
        Path user = java.nio.file.Files.createTempDirectory("dhpush-user-certs-d-");
        Path system = java.nio.file.Files.createTempDirectory("dhpush-system-certs-d-");
        Path host = java.nio.file.Files.createDirectories(system.resolve("registry.example.com:5000"));
        java.nio.file.Files.copy(made.clientDirectory().resolve("ca.pem"), host.resolve("ca.crt"));
        java.nio.file.Files.copy(made.clientDirectory().resolve("cert.pem"), host.resolve("client.cert"));
        java.nio.file.Files.copy(made.clientDirectory().resolve("key.pem"), host.resolve("client.key"));
        RegistryEndpoint endpoint = RegistryEndpoint.of("registry.example.com:5000", Set.of(), null, java.util.List.of(user, system));
        assertTrue(java.util.Collections.list(endpoint.trust().aliases()).stream().anyMatch(alias -> alias.startsWith("extra-")));
        assertTrue(endpoint.identity().isKeyEntry("client"));
        assertNull(RegistryEndpoint.of("other.example.com", Set.of(), null, java.util.List.of(user, system)).identity());
    }

    @Test
    void certsD_aClientCertificateWithoutItsKey_isRefusedAsDockerRefusesIt() throws Exception {
        dev.nsg.dhpush.testing.TestCertificates made = dev.nsg.dhpush.testing.TestCertificates.create("certs-d-nokey");
        Path dir = java.nio.file.Files.createTempDirectory("dhpush-certs-d-");
        Path host = java.nio.file.Files.createDirectories(dir.resolve("registry.example.com"));
        java.nio.file.Files.copy(made.clientDirectory().resolve("cert.pem"), host.resolve("client.cert"));
        dev.nsg.dhpush.failure.InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.nsg.dhpush.failure.InvalidInputException.class,
                () -> RegistryEndpoint.of("registry.example.com", Set.of(), null, java.util.List.of(dir)));
        assertTrue(refused.getMessage().contains("client.cert: a client certificate without its key client.key"), refused.getMessage());
    }
}
