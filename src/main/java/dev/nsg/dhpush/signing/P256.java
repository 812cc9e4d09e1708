package dev.nsg.dhpush.signing;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/** The one curve cosign's key pairs use (NIST P-256, secp256r1), and the public half of one of its private keys. */
final class P256 {

    private P256() {
    }

    static boolean is(ECParameterSpec params) {
        ECParameterSpec p256 = spec();
        return params.getOrder().equals(p256.getOrder()) && params.getGenerator().equals(p256.getGenerator())
                && params.getCurve().equals(p256.getCurve());
    }

    /** The JDK cannot derive a public key from a private one: Q = d·G, computed with Bouncy Castle's curve arithmetic. */
    static ECPublicKey publicKeyOf(ECPrivateKey key) {
        X9ECParameters curve = ECNamedCurveTable.getByName("secp256r1");
        org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(key.getS()).normalize();
        ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, key.getParams()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused a point computed on its own P-256 curve", e);
        }
    }

    private static ECParameterSpec spec() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no secp256r1", e);
        }
    }
}
