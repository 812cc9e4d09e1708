package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;
import dev.nsg.dhpush.tls.PemFiles;

/**
 * TLS to the engine as the docker CLI sets it up with DOCKER_TLS_VERIFY=1: trust only {@code ca.pem}, present
 * {@code cert.pem} with {@code key.pem} (PKCS#8, PKCS#1 RSA or SEC1 EC: {@link PemFiles}).
 */
final class EngineTls {

    private EngineTls() {
    }

    static SSLContext fromCertDirectory(Path directory) {
        Path ca = directory.resolve("ca.pem");
        Path cert = directory.resolve("cert.pem");
        Path key = directory.resolve("key.pem");
        for (Path file : new Path[] {ca, cert, key}) {
            if (!Files.isReadable(file)) {
                throw new InvalidInputException(Problem.ENGINE_CERTIFICATES, directory.toString(),
                        "engine TLS: cannot read " + file + " (TLS to the engine needs ca.pem, cert.pem and key.pem)");
            }
        }
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int index = 0;
            for (Certificate authority : PemFiles.certificates(ca)) {
                trust.setCertificateEntry("ca-" + index++, authority);
            }
            char[] transientPassword = new char[0];
            KeyStore identity = PemFiles.identity(cert, key, transientPassword);

            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(identity, transientPassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException(Problem.ENGINE_CERTIFICATES, directory.toString(), "engine TLS: the files in "
                    + directory + " are not usable (" + e.getMessage() + "): ca.pem and cert.pem must be PEM certificates,"
                    + " key.pem a PEM private key without a passphrase", e);
        }
    }
}
