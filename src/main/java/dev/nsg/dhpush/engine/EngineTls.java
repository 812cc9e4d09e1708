package dev.nsg.dhpush.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/**
 * TLS to the engine as the docker CLI sets it up with DOCKER_TLS_VERIFY=1: trust only {@code ca.pem}, present
 * {@code cert.pem} with {@code key.pem} (PKCS#8, or PKCS#1 RSA as older openssl writes it).
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
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int index = 0;
            for (Certificate authority : certificates(x509, ca)) {
                trust.setCertificateEntry("ca-" + index++, authority);
            }
            KeyStore identity = KeyStore.getInstance(KeyStore.getDefaultType());
            identity.load(null, null);
            char[] transientPassword = new char[0];
            identity.setKeyEntry("client", privateKey(key), transientPassword,
                    certificates(x509, cert).toArray(new Certificate[0]));

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

    private static Collection<? extends Certificate> certificates(CertificateFactory x509, Path file)
            throws IOException, GeneralSecurityException {
        return x509.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    /**
     * key.pem in any form openssl, docker-machine and the docker docs write: PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1
     * RSA ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC ({@code BEGIN EC PRIVATE KEY}, after an {@code EC PARAMETERS}
     * block), read by Bouncy Castle's PEM parser and turned into a JDK key.
     */
    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new GeneralSecurityException("key.pem is encrypted; the engine's client key must have no passphrase"
                            + " (openssl pkey -in key.pem -out key.pem)");
                }
                // anything else (EC PARAMETERS, a certificate) is skipped, as docker's tlsconfig skips it
            }
        }
        throw new GeneralSecurityException("key.pem holds no PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)");
    }
}
