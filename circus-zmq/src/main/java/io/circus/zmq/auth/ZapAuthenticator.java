package io.circus.zmq.auth;

import io.circus.security.PeerCredentials;
import io.circus.security.TrustedUsers;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The ZAP handler (ZeroMQ RFC 27) of the daemon's context: every connection to a channel that has a
 * ZAP domain is admitted or refused here before it carries a single message.
 *
 * <ul>
 *   <li>Domain {@value #CURVE_DOMAIN}: a CURVE client is admitted when its public key is in
 *       {@code curve_authorized_keys}; its user id becomes {@code curve:NAME} (the key file's name).</li>
 *   <li>Domain {@code circus.local.CHANNEL}: a loopback client is admitted when the user who opened the
 *       connection is trusted. ZAP tells the peer's address but not its port, so the handler looks at
 *       every client socket from that address to the channel's port ({@link PeerCredentials}): when all
 *       belong to trusted users, the one asking does too. When trusted and untrusted connections are
 *       open at the same moment, it waits (up to {@value #MIXED_WAIT_MILLIS} ms) for the refused ones
 *       to close, and refuses if they do not: it may refuse a trusted client (who reconnects), never
 *       admit an untrusted one. The user id becomes {@code uid:N}.</li>
 * </ul>
 *
 * <p>Threading: the REP socket is created, used and closed on the {@code circus-zmq-zap} thread. Ports
 * of the local domains are registered from any thread once each channel is bound; a request for a
 * domain not yet registered is refused.
 */
public final class ZapAuthenticator implements AutoCloseable {

    /** The ZAP domain of CURVE channels. */
    public static final String CURVE_DOMAIN = "circus.curve";
    static final String LOCAL_DOMAIN_PREFIX = "circus.local.";
    private static final String ZAP_ENDPOINT = "inproc://zeromq.zap.01";
    /** Wakes the handler to stop: it blocks in poll without a timeout, so nothing runs while idle. */
    private static final String STOP_ENDPOINT = "inproc://circus.zap.stop";
    private static final long MIXED_WAIT_MILLIS = 250;
    /** A refused client retries every 100 ms or so: one warning per period, with a count. */
    private static final long LOG_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(ZapAuthenticator.class);

    private final ZContext context;
    private final AuthorizedKeys keys;
    private final TrustedUsers trusted;
    private final PeerCredentials credentials;
    private final Map<String, Integer> localPorts = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> bound = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long lastWarning = System.nanoTime() - LOG_PERIOD_NANOS;
    private int unlogged;

    /** @param keys the authorised CURVE clients, or null when CURVE is off */
    ZapAuthenticator(ZContext context, AuthorizedKeys keys, TrustedUsers trusted, PeerCredentials credentials) {
        this.context = context;
        this.keys = keys;
        this.trusted = trusted;
        this.credentials = credentials;
        this.thread = Thread.ofPlatform().name("circus-zmq-zap").daemon().unstarted(this::run);
    }

    /** Binds the ZAP endpoint; channels must be bound after this returns. */
    void start() {
        thread.start();
        try {
            bound.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the ZAP handler: " + e.getMessage(), e);
        }
    }

    static String localDomain(String channel) {
        return LOCAL_DOMAIN_PREFIX + channel;
    }

    /** Admits trusted local users on the channel bound at {@code port} from now on. */
    void registerLocal(String channel, int port) {
        localPorts.put(localDomain(channel), port);
    }

    private void run() {
        ZMQ.Socket rep = context.createSocket(SocketType.REP);
        ZMQ.Socket stop = context.createSocket(SocketType.PULL);
        try {
            rep.setLinger(0);
            rep.bind(ZAP_ENDPOINT);
            stop.setLinger(0);
            stop.bind(STOP_ENDPOINT);
        } catch (RuntimeException e) {
            rep.close();
            stop.close();
            bound.completeExceptionally(e);
            return;
        }
        bound.complete(null);
        ZMQ.Poller poller = context.createPoller(2);
        try {
            poller.register(rep, ZMQ.Poller.POLLIN);
            poller.register(stop, ZMQ.Poller.POLLIN);
            while (running) {
                poller.poll(-1);
                List<byte[]> request;
                while (running && (request = receive(rep)) != null) {
                    reply(rep, request);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("ZAP handler failed: every new connection to an authenticated channel is now refused", e);
        } finally {
            poller.close();
            rep.close();
            stop.close();
        }
    }

    private static List<byte[]> receive(ZMQ.Socket rep) {
        byte[] first = rep.recv(ZMQ.DONTWAIT);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new java.util.ArrayList<>();
        frames.add(first);
        while (rep.hasReceiveMore()) {
            frames.add(rep.recv(0));
        }
        return frames;
    }

    /** Request: version, id, domain, address, identity, mechanism, credentials...; reply: 6 frames. */
    private void reply(ZMQ.Socket rep, List<byte[]> f) {
        String id = f.size() > 1 ? text(f.get(1)) : "";
        Decision d;
        if (f.size() < 6 || !text(f.get(0)).equals("1.0")) {
            d = Decision.refuse("malformed ZAP request");
        } else {
            d = decide(text(f.get(2)), text(f.get(3)), text(f.get(5)), f.size() > 6 ? f.get(6) : null);
        }
        if (!d.allowed()) {
            warnRefused(f.size() > 3 ? text(f.get(3)) : "?", f.size() > 2 ? text(f.get(2)) : "?", d.reason());
        }
        rep.sendMore("1.0");
        rep.sendMore(id);
        rep.sendMore(d.allowed() ? "200" : "400");
        rep.sendMore(d.allowed() ? "OK" : d.reason());
        rep.sendMore(d.allowed() ? d.userId() : "");
        rep.send(new byte[0], 0);
    }

    private void warnRefused(String address, String domain, String reason) {
        long now = System.nanoTime();
        if (now - lastWarning < LOG_PERIOD_NANOS) {
            unlogged++;
            return;
        }
        LOG.warn("refused a connection from {} to {}: {}{}", address, domain, reason,
                unlogged > 0 ? " (and " + unlogged + " more refusals since the last warning)" : "");
        lastWarning = now;
        unlogged = 0;
    }

    Decision decide(String domain, String address, String mechanism, byte[] credential) {
        if (domain.equals(CURVE_DOMAIN)) {
            if (!mechanism.equals("CURVE") || credential == null || keys == null) {
                return Decision.refuse("a CURVE key is required");
            }
            String name = keys.lookUp(credential);
            return name == null ? Decision.refuse("CURVE key " + ZMQ.Curve.z85Encode(credential).substring(0, 8)
                    + "... is not in curve_authorized_keys") : Decision.allow("curve:" + name);
        }
        Integer port = localPorts.get(domain);
        if (port == null) {
            return Decision.refuse("unknown ZAP domain '" + domain + "'");
        }
        return decideLocal(address, port);
    }

    private Decision decideLocal(String address, int port) {
        InetAddress peer;
        try {
            peer = InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException e) {
            return Decision.refuse("peer address '" + address + "' is not an IP address");
        }
        if (!peer.isLoopbackAddress()) {
            return Decision.refuse("peer " + address + " is not on this machine");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MIXED_WAIT_MILLIS);
        while (true) {
            Set<Integer> uids = new TreeSet<>();
            for (PeerCredentials.ClientSocket c : credentials.clientsOf(port)) {
                if (PeerCredentials.same(c.address(), peer)) {
                    uids.add(c.uid());
                }
            }
            if (uids.isEmpty()) {
                return Decision.refuse("no local socket from " + address + " to port " + port);
            }
            boolean anyTrusted = uids.stream().anyMatch(trusted::trusts);
            boolean allTrusted = uids.stream().allMatch(trusted::trusts);
            if (allTrusted) {
                return Decision.allow("uid:" + (uids.size() == 1 ? uids.iterator().next().toString()
                        : "one of " + uids));
            }
            if (!anyTrusted || System.nanoTime() - deadline >= 0) {
                return Decision.refuse("uid " + uids + " not trusted (trusted: " + trusted.description() + ")");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** One answer: admitted with a user id, or refused with a reason. */
    record Decision(boolean allowed, String userId, String reason) {
        static Decision allow(String userId) {
            return new Decision(true, userId, "OK");
        }

        static Decision refuse(String reason) {
            return new Decision(false, "", reason);
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() != Thread.State.NEW) {
            // A socket of the closing thread's own, used once: the handler's sockets stay its own.
            try (ZMQ.Socket wake = context.createSocket(SocketType.PUSH)) {
                wake.setLinger(100);
                wake.connect(STOP_ENDPOINT);
                wake.send(new byte[0], ZMQ.DONTWAIT);
            } catch (RuntimeException e) {
                LOG.debug("ZAP handler: stop wake-up not sent ({}); it stops at its next request", e.toString());
            }
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
