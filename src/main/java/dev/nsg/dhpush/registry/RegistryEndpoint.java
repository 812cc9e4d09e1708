package dev.nsg.dhpush.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Set;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.nsg.dhpush.failure.InvalidInputException;

/**
 * Where a registry's API is and how to trust it, as Docker decides: plain HTTP only for loopback registries or
 * ones named insecure on purpose; TLS for everything else, trusting the system CAs plus
 * {@code ~/.docker/certs.d/<host:port>/ca.crt} or a CA file given explicitly. Never trust-all.
 */
public record RegistryEndpoint(URI base, KeyStore trust) {

    public static RegistryEndpoint of(String apiHost, Set<String> insecureHosts, Path extraCa, Path dockerCertsDir) {
        boolean plain = insecureHosts.contains(apiHost) || isLoopback(apiHost);
        URI base = URI.create((plain ? "http://" : "https://") + apiHost);
        Path ca = extraCa != null ? extraCa : dockerCertsDir.resolve(apiHost).resolve("ca.crt");
        KeyStore trust = !plain && Files.isRegularFile(ca) ? systemTrustPlus(ca) : null;
        return new RegistryEndpoint(base, trust);
    }

    static boolean isLoopback(String hostAndPort) {
        String host = hostAndPort.startsWith("[") ? hostAndPort.substring(1, hostAndPort.indexOf(']'))
                : hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.lastIndexOf(':')) : hostAndPort;
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // only literal addresses: no DNS lookup decides whether TLS is skipped
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static KeyStore systemTrustPlus(Path ca) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            int index = 0;
            for (var manager : system.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("system-" + index++, issuer);
                    }
                }
            }
            try (InputStream in = Files.newInputStream(ca)) {
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("extra-" + index++, certificate);
                }
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException(InvalidInputException.Problem.REGISTRY_CA, ca.toString(),
                    "registry CA " + ca + ": not a usable PEM certificate (" + e.getMessage() + ")", e);
        }
    }
}
