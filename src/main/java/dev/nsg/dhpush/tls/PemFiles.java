package dev.nsg.dhpush.tls;

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

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM certificates and private keys as docker reads them, for the engine's and the registries' TLS: a key in any form
 * openssl, docker-machine and the docker docs write (PKCS#8, PKCS#1 RSA, SEC1 EC after its EC PARAMETERS block), read
 * by Bouncy Castle's PEM parser and turned into a JDK key (no Bouncy Castle security provider is installed).
 */
public final class PemFiles {

    private PemFiles() {
    }

    public static Collection<? extends Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(file.getFileName() + " holds no PEM certificate");
        }
        return certificates;
    }

    public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
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
                    throw new GeneralSecurityException(file.getFileName() + " is encrypted; a client key must have no passphrase"
                            + " (openssl pkey -in " + file.getFileName() + " -out " + file.getFileName() + ")");
                }
                // anything else (EC PARAMETERS, a certificate) is skipped, as docker's tlsconfig skips it
            }
        }
        throw new GeneralSecurityException(file.getFileName() + " holds no PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)");
    }

    /** A key store in memory holding one client identity: the key and its certificate chain, under {@code password}. */
    public static KeyStore identity(Path certificate, Path key, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", privateKey(key), password, certificates(certificate).toArray(Certificate[]::new));
        return store;
    }
}
