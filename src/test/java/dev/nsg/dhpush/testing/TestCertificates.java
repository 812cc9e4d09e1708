package dev.nsg.dhpush.testing;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway CA with a server certificate for localhost/127.0.0.1 and a client certificate, made by openssl,
 * laid out as the docker CLI expects in DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem).
 */
public final class TestCertificates {

    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    public static TestCertificates create(String name) {
        return create(name, ClientKey.PKCS8_RSA);
    }

    /** The client key's file form, as openssl, docker-machine and the docker docs write key.pem. */
    public enum ClientKey {
        /** {@code BEGIN PRIVATE KEY} (openssl genpkey, openssl req -newkey) */
        PKCS8_RSA("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem 2>/dev/null"),
        /** {@code BEGIN RSA PRIVATE KEY} (openssl genrsa -traditional, docker-machine, older openssl) */
        PKCS1_RSA("openssl genrsa -traditional -out key.pem 2048 2>/dev/null"),
        /** {@code BEGIN EC PARAMETERS} then {@code BEGIN EC PRIVATE KEY} (openssl ecparam -genkey) */
        SEC1_EC("openssl ecparam -name prime256v1 -genkey -out key.pem");

        final String command;

        ClientKey(String command) {
            this.command = command;
        }
    }

    public static TestCertificates create(String name, ClientKey clientKey) {
        return create(name, clientKey, null);
    }

    /** @param serverIp an address the server certificate also names (a registry on a non-loopback address), or null */
    public static TestCertificates create(String name, ClientKey clientKey, String serverIp) {
        try {
            Path dir = Files.createTempDirectory("dhpush-certs-" + name + "-");
            String script = """
                    set -e
                    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 2 -subj /CN=dhpush-test-ca 2>/dev/null
                    openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr -subj /CN=localhost 2>/dev/null
                    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1%s\\nextendedKeyUsage=serverAuth\\n' > server.ext
                    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out server-cert.pem -days 2 -extfile server.ext 2>/dev/null
                    openssl pkcs12 -export -in server-cert.pem -inkey server-key.pem -out server.p12 -passout pass:test-only
                    %s
                    openssl req -new -key key.pem -out client.csr -subj /CN=dhpush-client 2>/dev/null
                    printf 'extendedKeyUsage=clientAuth\\n' > client.ext
                    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out cert.pem -days 2 -extfile client.ext 2>/dev/null
                    """.formatted(serverIp == null ? "" : ",IP:" + serverIp, clientKey.command);
            Commands.Result result = Commands.run(List.of("sh", "-c", script), null, dir, null, 120);
            if (result.exitCode() != 0) {
                throw new AssertionError("openssl failed (Debian: apt-get install openssl): " + result);
            }
            return new TestCertificates(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The directory to pass as DOCKER_CERT_PATH. */
    public Path clientDirectory() {
        return directory;
    }

    /** The server's certificate and key as PEM files (for servers that read files, as docker-registry does). */
    public Path serverCertificate() {
        return directory.resolve("server-cert.pem");
    }

    public Path serverKey() {
        return directory.resolve("server-key.pem");
    }

    /** The test CA, which signed the server's and the client's certificates. */
    public Path ca() {
        return directory.resolve("ca.pem");
    }

    /** The server side: its own certificate, and trust in the test CA for client certificates. */
    public SSLContext serverContext() {
        try (FileInputStream in = new FileInputStream(directory.resolve("server.p12").toFile())) {
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(in, "test-only".toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, "test-only".toCharArray());
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (FileInputStream ca = new FileInputStream(directory.resolve("ca.pem").toFile())) {
                trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(ca));
            }
            TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trusted.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trusted.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new AssertionError("cannot load the test certificates: " + e.getMessage(), e);
        }
    }
}
