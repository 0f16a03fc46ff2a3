package io.circus.zmq.auth;

import io.circus.jmx.audit.Caller;
import io.circus.security.PeerCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import zmq.io.Metadata;

/**
 * Who is behind each control-channel peer, for the audit trail: the control thread notes, per
 * routing identity, the connection's metadata (the ZAP user id, {@code uid:N} or {@code curve:NAME},
 * and the peer's address with its port); the thread that runs a request turns it into a
 * {@link Caller}. For a loopback peer the exact uid is looked up then, from the kernel's socket
 * table, only when an audited operation asks for it.
 *
 * <p>Threading: {@link #note} on the control thread, {@link #callerOf} on any; synchronized. Holds
 * the most recent {@value #CAPACITY} peers.
 */
public final class PeerDirectory {

    private static final int CAPACITY = 4096;

    private final PeerCredentials credentials = new PeerCredentials();
    private final Map<ByteBuffer, String[]> peers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, String[]> eldest) {
            return size() > CAPACITY;
        }
    };
    private volatile InetSocketAddress server;

    /** The control channel's own address, once bound (for the uid look-up). */
    public void bound(String lastEndpoint) {
        if (lastEndpoint.startsWith("tcp://")) {
            String hostPort = lastEndpoint.substring("tcp://".length());
            int colon = hostPort.lastIndexOf(':');
            String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
            server = new InetSocketAddress(InetAddress.ofLiteral(host.equals("*") ? "0.0.0.0" : host),
                    Integer.parseInt(hostPort.substring(colon + 1)));
        } else if (lastEndpoint.startsWith("ipc://")) {
            server = new InetSocketAddress(InetAddress.getLoopbackAddress(), BoundPort.of(lastEndpoint));
        }
    }

    /** Notes the metadata of a message from {@code identity}; null metadata is ignored. */
    public synchronized void note(byte[] identity, Metadata metadata) {
        if (metadata == null || identity == null) {
            return;
        }
        peers.put(ByteBuffer.wrap(identity.clone()),
                new String[] {metadata.get(Metadata.USER_ID), metadata.get(Metadata.PEER_ADDRESS)});
    }

    /** The caller behind the envelope's first frame (the routing identity). */
    public Caller callerOf(List<byte[]> envelope) {
        String[] seen;
        synchronized (this) {
            seen = envelope.isEmpty() ? null : peers.get(ByteBuffer.wrap(envelope.getFirst()));
        }
        if (seen == null) {
            return Caller.of(Caller.ZMQ, "(unknown peer)");
        }
        String userId = seen[0];
        String address = seen[1];
        return new Caller(Caller.ZMQ, () -> describe(userId, address));
    }

    private String describe(String userId, String address) {
        StringBuilder sb = new StringBuilder(address == null ? "?" : address);
        if (userId != null && userId.startsWith("curve:")) {
            return sb.append(' ').append(userId).toString();
        }
        OptionalInt uid = uidOf(address);
        if (uid.isPresent()) {
            sb.append(" uid=").append(uid.getAsInt());
        } else if (userId != null && !userId.isEmpty()) {
            sb.append(' ').append(userId);
        }
        return sb.toString();
    }

    private OptionalInt uidOf(String address) {
        InetSocketAddress s = server;
        if (address == null || s == null) {
            return OptionalInt.empty();
        }
        int colon = address.lastIndexOf(':');
        try {
            InetAddress host = InetAddress.ofLiteral(address.substring(0, colon));
            if (!host.isLoopbackAddress()) {
                return OptionalInt.empty();
            }
            int port = Integer.parseInt(address.substring(colon + 1));
            InetSocketAddress local = s.getAddress().isAnyLocalAddress() ? new InetSocketAddress(host, s.getPort()) : s;
            return credentials.uidOf(new InetSocketAddress(host, port), local);
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
