package dev.nsg.dhpush.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        if (pem.contains("BEGIN PRIVATE KEY")) {
            byte[] der = pemBody(pem, "PRIVATE KEY");
            for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (GeneralSecurityException wrongAlgorithm) {
                    // try the next one: PKCS#8 names the algorithm, but KeyFactory wants it up front
                }
            }
            throw new GeneralSecurityException("key.pem holds a key of an unsupported algorithm");
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapRsaPkcs1(pemBody(pem, "RSA PRIVATE KEY"))));
        }
        throw new GeneralSecurityException("key.pem is neither a PKCS#8 nor a PKCS#1 RSA private key (convert it with openssl pkcs8 -topk8 -nocrypt)");
    }

    private static byte[] pemBody(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int start = pem.indexOf(begin) + begin.length();
        int end = pem.indexOf("-----END " + label + "-----", start);
        return Base64.getMimeDecoder().decode(pem.substring(start, end));
    }

    /** PKCS#8 PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING pkcs1 } around a PKCS#1 RSAPrivateKey. */
    private static byte[] wrapRsaPkcs1(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] content = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, content, 0, version.length);
        System.arraycopy(algorithm, 0, content, version.length, algorithm.length);
        System.arraycopy(octets, 0, content, version.length + algorithm.length, octets.length);
        return der(0x30, content);
    }

    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        byte[] lengthBytes;
        if (length < 0x80) {
            lengthBytes = new byte[] {(byte) length};
        } else if (length < 0x100) {
            lengthBytes = new byte[] {(byte) 0x81, (byte) length};
        } else if (length < 0x10000) {
            lengthBytes = new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        } else {
            lengthBytes = new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
        }
        byte[] encoded = new byte[1 + lengthBytes.length + length];
        encoded[0] = (byte) tag;
        System.arraycopy(lengthBytes, 0, encoded, 1, lengthBytes.length);
        System.arraycopy(content, 0, encoded, 1 + lengthBytes.length, length);
        return encoded;
    }
}
