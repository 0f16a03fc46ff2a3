package io.circus.security;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.OptionalInt;

/**
 * Admits a connection accepted on a loopback channel without authentication only when the user who
 * opened it is trusted ({@link TrustedUsers}), found from the kernel's socket tables
 * ({@link PeerCredentials}). A peer that cannot be identified is refused.
 *
 * <p>For a server that accepts plain sockets (JMX's RMI, an HTTP console):
 * <pre>{@code
 * Socket s = serverSocket.accept();
 * LoopbackGate.Verdict v = gate.check(s);
 * if (!v.admitted()) { s.close(); log.warn(v.reason()); }
 * }</pre>
 * Thread-safe.
 */
public final class LoopbackGate {

    private final TrustedUsers trusted;
    private final PeerCredentials credentials;

    public LoopbackGate(TrustedUsers trusted) {
        this(trusted, new PeerCredentials());
    }

    public LoopbackGate(TrustedUsers trusted, PeerCredentials credentials) {
        this.trusted = trusted;
        this.credentials = credentials;
    }

    /** The decision on one connection, with the uid found (-1 when none) and a reason to log. */
    public record Verdict(boolean admitted, int uid, String reason) {
    }

    public Verdict check(Socket accepted) {
        if (!(accepted.getRemoteSocketAddress() instanceof InetSocketAddress peer)
                || !(accepted.getLocalSocketAddress() instanceof InetSocketAddress local)) {
            return new Verdict(false, -1, "not a TCP connection");
        }
        return check(peer, local);
    }

    /** @param peer the client's address as the server sees it; @param local the server's end */
    public Verdict check(InetSocketAddress peer, InetSocketAddress local) {
        if (!peer.getAddress().isLoopbackAddress()) {
            return new Verdict(false, -1, "connection from " + peer + " is not from this machine");
        }
        OptionalInt uid = credentials.uidOf(peer, local);
        if (uid.isEmpty()) {
            return new Verdict(false, -1, "no local socket owner found for " + peer);
        }
        int u = uid.getAsInt();
        return trusted.trusts(u) ? new Verdict(true, u, "uid " + u + " is trusted")
                : new Verdict(false, u, "uid " + u + " is not trusted (trusted: " + trusted.description() + ")");
    }

    public TrustedUsers trusted() {
        return trusted;
    }

    public PeerCredentials credentials() {
        return credentials;
    }
}
