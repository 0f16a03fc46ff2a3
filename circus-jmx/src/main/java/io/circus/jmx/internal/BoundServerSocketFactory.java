package io.circus.jmx.internal;

import io.circus.jmx.security.GatedServerSocket;
import io.circus.security.LoopbackGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Server sockets for the RMI registry and the RMI connector, bound to jmx_host only (the JDK's
 * factories bind every interface), with TLS when a context is given. Registry and connector share
 * one instance, so RMI serves both on the one port: RMI shares a listening port between exports
 * whose server socket factories are equal.
 */
final class BoundServerSocketFactory implements RMIServerSocketFactory {

    private static final int BACKLOG = 50;

    private final InetAddress address;
    private final SSLContext ssl;
    private final LoopbackGate gate;

    /**
     * @param ssl  the TLS context, or null for plain sockets
     * @param gate admits trusted local users only (docs/security.md), or null to admit every connection
     */
    BoundServerSocketFactory(InetAddress address, SSLContext ssl, LoopbackGate gate) {
        this.address = address;
        this.ssl = ssl;
        this.gate = gate;
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        if (gate != null) {
            return new GatedServerSocket(port, BACKLOG, address, gate, ssl);
        }
        return ssl == null ? new ServerSocket(port, BACKLOG, address)
                : ssl.getServerSocketFactory().createServerSocket(port, BACKLOG, address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundServerSocketFactory other && address.equals(other.address) && ssl == other.ssl
                && gate == other.gate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, System.identityHashCode(ssl));
    }
}
