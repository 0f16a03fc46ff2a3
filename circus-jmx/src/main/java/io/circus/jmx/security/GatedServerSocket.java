package io.circus.jmx.security;

import io.circus.security.LoopbackGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server socket that hands out only connections from trusted local users: each accepted socket is
 * checked by the {@link LoopbackGate} (the owner of the client's socket, from the kernel's tables)
 * and closed at once when refused, before RMI reads a byte. With TLS, the TLS layer is put on the
 * admitted socket afterwards, so the check sees the plain TCP connection.
 *
 * <p>Threading: {@link #accept} runs on RMI's accept thread.
 */
public final class GatedServerSocket extends ServerSocket {

    private static final Logger LOG = LoggerFactory.getLogger(GatedServerSocket.class);
    private static final long LOG_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final LoopbackGate gate;
    private final SSLContext ssl;
    private long lastWarning = System.nanoTime() - LOG_PERIOD_NANOS;
    private int unlogged;

    /** @param ssl the TLS context, or null for plain connections */
    public GatedServerSocket(int port, int backlog, InetAddress address, LoopbackGate gate, SSLContext ssl)
            throws IOException {
        super(port, backlog, address);
        this.gate = gate;
        this.ssl = ssl;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket s = super.accept();
            LoopbackGate.Verdict v = gate.check(s);
            if (v.admitted()) {
                return ssl == null ? s : secure(s);
            }
            s.close();
            warn(s, v);
        }
    }

    private Socket secure(Socket s) throws IOException {
        SSLSocket t = (SSLSocket) ssl.getSocketFactory().createSocket(s, s.getInetAddress().getHostAddress(),
                s.getPort(), true);
        t.setUseClientMode(false);
        return t;
    }

    private void warn(Socket s, LoopbackGate.Verdict v) {
        long now = System.nanoTime();
        if (now - lastWarning < LOG_PERIOD_NANOS) {
            unlogged++;
            return;
        }
        LOG.warn("JMX connector refused a connection from {}: {}{}", s.getRemoteSocketAddress(), v.reason(),
                unlogged > 0 ? " (and " + unlogged + " more since the last warning)" : "");
        lastWarning = now;
        unlogged = 0;
    }
}
