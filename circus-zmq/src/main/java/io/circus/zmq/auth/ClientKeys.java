package io.circus.zmq.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.zeromq.ZMQ;

/**
 * What a client needs to reach a daemon whose channels require CURVE: its own key pair and the
 * server's public key. pyzmq clients use the same files:
 * <pre>{@code
 * pub, sec = zmq.auth.load_certificate("client.key_secret")
 * srv, _ = zmq.auth.load_certificate("server.key")
 * sock.curve_publickey, sock.curve_secretkey, sock.curve_serverkey = pub, sec, srv
 * }</pre>
 *
 * @param client the client's key pair
 * @param server the server's public key
 */
public record ClientKeys(Certificate client, Certificate server) {

    public ClientKeys {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        if (client.secretKey() == null) {
            throw new IllegalArgumentException("the client certificate has no secret key");
        }
    }

    /**
     * Reads the client's secret certificate and the server's public one.
     *
     * @throws IOException naming the file that cannot be used
     */
    public static ClientKeys read(Path clientSecret, Path serverPublic) throws IOException {
        return new ClientKeys(CertificateFiles.readSecret(clientSecret, "client key"),
                CertificateFiles.read(serverPublic));
    }

    /** Makes {@code socket} a CURVE client; call before it connects. */
    public void apply(ZMQ.Socket socket) {
        socket.setCurvePublicKey(client.publicKeyBytes());
        socket.setCurveSecretKey(client.secretKeyBytes());
        socket.setCurveServerKey(server.publicKeyBytes());
    }
}
