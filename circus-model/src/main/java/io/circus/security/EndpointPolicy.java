package io.circus.security;

import io.circus.config.GlobalSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The start-up rule of every channel: one that listens beyond loopback must authenticate its
 * clients, or the configuration must say {@code insecure_open_endpoints = true}. Loopback channels
 * without authentication admit trusted local users only ({@link LoopbackGate}).
 *
 * <p>Any facade (ZeroMQ, JMX, an HTTP console) calls {@link #requireSafe} before it binds:
 * <pre>{@code
 * EndpointPolicy policy = EndpointPolicy.of(settings);
 * policy.requireSafe("HTTP console", "httpd_host", host, passwordConfigured,
 *         "set httpd_password_file");
 * boolean checkUids = policy.isLoopback(host) && !passwordConfigured;
 * }</pre>
 * Stateless and thread-safe.
 */
public final class EndpointPolicy {

    private final boolean insecureOpen;

    private EndpointPolicy(boolean insecureOpen) {
        this.insecureOpen = insecureOpen;
    }

    public static EndpointPolicy of(GlobalSettings g) {
        return new EndpointPolicy(g.security().insecureOpenEndpoints());
    }

    public static EndpointPolicy of(boolean insecureOpenEndpoints) {
        return new EndpointPolicy(insecureOpenEndpoints);
    }

    /** Whether the configuration opened unauthenticated channels beyond loopback on purpose. */
    public boolean insecureOpen() {
        return insecureOpen;
    }

    /**
     * Refuses an unauthenticated channel beyond loopback.
     *
     * @param channel       what listens, for the message ("control endpoint")
     * @param option        the option that set the address ("endpoint")
     * @param address       a host, or a ZeroMQ endpoint such as {@code tcp://0.0.0.0:5555}
     * @param authenticated whether the channel authenticates its clients
     * @param howToSecure   what to configure instead, for the message
     * @throws InsecureEndpointException naming the channel, the address and what to configure
     */
    public void requireSafe(String channel, String option, String address, boolean authenticated,
                            String howToSecure) {
        if (authenticated || insecureOpen || isLoopback(address)) {
            return;
        }
        throw new InsecureEndpointException(channel + " " + option + " = " + address
                + " listens beyond loopback without authentication, so anyone who reaches it could run commands"
                + " as this daemon's user; " + howToSecure + ", bind it to 127.0.0.1, or set"
                + " insecure_open_endpoints = true in [circus] to open it anyway");
    }

    /**
     * Whether a host or endpoint is on loopback. {@code ipc://} counts as loopback: JeroMQ serves it
     * on a loopback TCP port. A name is resolved: {@code localhost} is loopback, {@code *} is not.
     */
    public static boolean isLoopback(String address) {
        String host = hostOf(address);
        if (host == null) {
            return address.startsWith("ipc://") || address.startsWith("inproc://");
        }
        if (host.isEmpty() || host.equals("*")) {
            return false;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The host of {@code tcp://host:port}, a bare host, or null for another transport. */
    static String hostOf(String address) {
        String a = address.strip();
        if (a.contains("://")) {
            if (!a.startsWith("tcp://")) {
                return null;
            }
            a = a.substring("tcp://".length());
            int semi = a.indexOf(';'); // tcp://source;host:port
            if (semi >= 0) {
                a = a.substring(semi + 1);
            }
            int colon = a.lastIndexOf(':');
            a = colon >= 0 ? a.substring(0, colon) : a;
        }
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        try {
            // Reject interface names and odd strings without a DNS look-up of garbage.
            URI.create("tcp://" + (a.contains(":") ? "[" + a + "]" : a) + ":1");
        } catch (IllegalArgumentException e) {
            return "";
        }
        return a;
    }
}
