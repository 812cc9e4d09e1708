package dev.nsg.dhpush.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.IoCause;
import dev.nsg.dhpush.tls.PemFiles;

/**
 * Where a registry's API is and how to trust it, as Docker decides: plain HTTP only for loopback registries or
 * ones named insecure on purpose; TLS for everything else, trusting the system CAs plus the registry's directory in
 * docker's certs.d ({@code ~/.docker/certs.d/HOST:PORT/} and {@code /etc/docker/certs.d/HOST:PORT/}: every
 * {@code *.crt} a CA, every {@code NAME.cert} with {@code NAME.key} a client certificate) or a CA file given
 * explicitly. Never trust-all.
 *
 * @param identity the client certificate and key to present, or null
 */
public record RegistryEndpoint(URI base, KeyStore trust, KeyStore identity) {

    /** The password of the in-memory identity store: it never leaves this process. */
    public static final String IDENTITY_PASSWORD = "dhpush-in-memory";

    public static RegistryEndpoint of(String apiHost, Set<String> insecureHosts, Path extraCa, List<Path> certsDirectories) {
        boolean plain = insecureHosts.contains(apiHost) || isLoopback(apiHost);
        URI base = URI.create((plain ? "http://" : "https://") + apiHost);
        if (plain) {
            return new RegistryEndpoint(base, null, null);
        }
        List<Path> cas = new ArrayList<>();
        if (extraCa != null) {
            cas.add(extraCa);
        }
        Path certificate = null;
        Path key = null;
        for (Path directory : certsDirectories) {
            Path host = directory.resolve(apiHost);
            List<Path> files = filesIn(host);
            files.stream().filter(file -> file.getFileName().toString().endsWith(".crt")).forEach(cas::add);
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".cert")) {
                    Path pair = host.resolve(name.substring(0, name.length() - ".cert".length()) + ".key");
                    if (!Files.isRegularFile(pair)) {
                        throw unusable(file, "a client certificate without its key " + pair.getFileName() + " (docker refuses it too)");
                    }
                    if (certificate == null) {
                        certificate = file;
                        key = pair;
                    }
                } else if (name.endsWith(".key")
                        && !Files.isRegularFile(host.resolve(name.substring(0, name.length() - ".key".length()) + ".cert"))) {
                    throw unusable(file, "a client key without its certificate (docker refuses it too)");
                }
            }
        }
        return new RegistryEndpoint(base, cas.isEmpty() ? null : systemTrustPlus(cas),
                certificate == null ? null : identity(certificate, key));
    }

    private static List<Path> filesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw unusable(directory, "cannot be listed (" + IoCause.of(e) + ")");
        }
    }

    private static KeyStore identity(Path certificate, Path key) {
        try {
            return PemFiles.identity(certificate, key, IDENTITY_PASSWORD.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw unusable(certificate, "with " + key.getFileName() + ", not a usable client certificate and key (" + e.getMessage() + ")");
        }
    }

    private static InvalidInputException unusable(Path file, String why) {
        return new InvalidInputException(InvalidInputException.Problem.REGISTRY_CA, file.toString(), "registry TLS: " + file + ": " + why);
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

    private static KeyStore systemTrustPlus(List<Path> cas) {
        Path current = cas.get(0);
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
            for (Path ca : cas) {
                current = ca;
                for (Certificate certificate : PemFiles.certificates(ca)) {
                    store.setCertificateEntry("extra-" + index++, certificate);
                }
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException(InvalidInputException.Problem.REGISTRY_CA, current.toString(),
                    "registry CA " + current + ": not a usable PEM certificate (" + e.getMessage() + ")", e);
        }
    }
}
