package io.circus.zmq.auth;

import java.util.Objects;
import org.zeromq.ZMQ;

/**
 * A CURVE key pair, or a public key alone, as Z85 text (40 characters per key).
 *
 * @param publicKey the public key
 * @param secretKey the secret key, or null for a public certificate
 */
public record Certificate(String publicKey, String secretKey) {

    public Certificate {
        Objects.requireNonNull(publicKey, "publicKey");
        checkKey("public-key", publicKey);
        if (secretKey != null) {
            checkKey("secret-key", secretKey);
        }
    }

    /** A new key pair from JeroMQ's CURVE implementation. */
    public static Certificate generate() {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        return new Certificate(pair.publicKey, pair.secretKey);
    }

    public byte[] publicKeyBytes() {
        return ZMQ.Curve.z85Decode(publicKey);
    }

    /** @throws IllegalStateException when this is a public certificate */
    public byte[] secretKeyBytes() {
        if (secretKey == null) {
            throw new IllegalStateException("a public certificate has no secret key");
        }
        return ZMQ.Curve.z85Decode(secretKey);
    }

    /** A short, loggable name for the public key: its first 8 Z85 characters. */
    public String fingerprint() {
        return publicKey.substring(0, 8);
    }

    private static void checkKey(String what, String z85) {
        if (z85.length() != ZMQ.Curve.KEY_SIZE_Z85) {
            throw new IllegalArgumentException(what + " must be " + ZMQ.Curve.KEY_SIZE_Z85
                    + " Z85 characters, not " + z85.length());
        }
        byte[] raw = ZMQ.Curve.z85Decode(z85);
        if (raw == null || raw.length != ZMQ.Curve.KEY_SIZE) {
            throw new IllegalArgumentException(what + " is not valid Z85 text");
        }
    }
}
