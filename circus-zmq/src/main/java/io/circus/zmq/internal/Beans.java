package io.circus.zmq.internal;

import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.CircusNames;
import io.circus.jmx.WatcherMXBean;
import java.util.Optional;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The one way the ZeroMQ facade reaches the daemon: MXBean proxies over the MBeanServer, so every
 * command is an attribute read or an operation invoked through {@code MBeanServer.getAttribute} /
 * {@code invoke}, exactly what a remote JMX console would do, and nothing calls the core around JMX.
 *
 * <p>Threading: thread-safe; proxies are cheap (the JDK caches the per-interface mapping), so a
 * watcher's proxy is made per request and never outlives a removal or re-add of the watcher.
 */
public final class Beans {

    private final MBeanServer server;
    private final ArbiterMXBean arbiter;

    public Beans(MBeanServer server) {
        this.server = server;
        this.arbiter = JMX.newMXBeanProxy(server, CircusNames.ARBITER, ArbiterMXBean.class);
    }

    public MBeanServer server() {
        return server;
    }

    /** {@code circus:type=Arbiter}; its methods fail while the bean is not registered. */
    public ArbiterMXBean arbiter() {
        return arbiter;
    }

    /**
     * The bean of a watcher named in any case (Circus's look-ups are case-insensitive; bean names
     * keep the configured case), or empty when there is no such watcher.
     */
    public Optional<WatcherMXBean> watcher(String name) {
        return watcherName(name).map(on -> JMX.newMXBeanProxy(server, on, WatcherMXBean.class));
    }

    /** The ObjectName of a watcher named in any case, or empty. */
    public Optional<ObjectName> watcherName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        ObjectName exact = CircusNames.watcher(name);
        if (server.isRegistered(exact)) {
            return Optional.of(exact);
        }
        for (String configured : arbiter.getWatcherNames()) {
            if (configured.equalsIgnoreCase(name)) {
                return Optional.of(CircusNames.watcher(configured));
            }
        }
        return Optional.empty();
    }
}
