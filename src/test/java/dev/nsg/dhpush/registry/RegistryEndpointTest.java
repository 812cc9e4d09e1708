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

    private static final Path NO_CERTS = Path.of("/nonexistent");

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
}
