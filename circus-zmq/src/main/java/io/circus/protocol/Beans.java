package io.circus.protocol;

import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.CircusNames;
import io.circus.jmx.WatcherMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import io.circus.jmx.PluginMXBean;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one way the protocol reaches the daemon: MXBean proxies over the MBeanServer, so every
 * command is an attribute read or an operation invoked through {@code MBeanServer.getAttribute} /
 * {@code invoke}, exactly what a remote JMX console would do, and nothing calls the core around JMX.
 *
 * <p>Works over any {@link MBeanServerConnection}: the daemon's own MBeanServer for the control
 * channel, or a remote connection, which is how circusctl's JMX transport runs this same command
 * layer. A remote connection's I/O failure surfaces as {@link UncheckedIOException}.
 *
 * <p>Threading: thread-safe. Watcher and plugin proxies are kept: the JDK keeps the costly
 * per-interface mapping of a proxy only weakly, and rebuilding it per request dominated the cost of
 * a quick command. A proxy only names its bean, so one made before a watcher was removed and added
 * again still reaches the new bean, and one whose bean is gone fails like a missing watcher.
 */
public final class Beans {

    /** Watcher and plugin names are few; this only bounds clients and configs that add and remove names without end. */
    private static final int MAX_CACHED = 10_000;

    private final MBeanServerConnection server;
    private final ArbiterMXBean arbiter;
    private final ConcurrentHashMap<ObjectName, WatcherMXBean> watchers = new ConcurrentHashMap<>();
    /** The same proxies by name as configured, so that a hit builds no ObjectName. */
    private final ConcurrentHashMap<String, WatcherMXBean> byName = new ConcurrentHashMap<>();
    /** Plugin proxies by plugin name, for the same reason; the names come from the Arbiter at each call. */
    private final ConcurrentHashMap<String, PluginMXBean> pluginProxies = new ConcurrentHashMap<>();

    public Beans(MBeanServerConnection server) {
        this.server = server;
        this.arbiter = JMX.newMXBeanProxy(server, CircusNames.ARBITER, ArbiterMXBean.class);
    }

    public MBeanServerConnection server() {
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
        if (name != null) {
            // Named as configured and asked for before: no look-up and no ObjectName built (one was
            // 1.2 KB of garbage per status call); the operation itself is the one MBeanServer call
            // (a bean gone since fails like a missing watcher).
            WatcherMXBean known = byName.get(name);
            if (known != null) {
                return Optional.of(known);
            }
        }
        return watcherName(name).map(on -> {
            if (watchers.size() > MAX_CACHED) {
                forgetWatchers();
            }
            WatcherMXBean proxy = watchers.computeIfAbsent(on, n -> JMX.newMXBeanProxy(server, n, WatcherMXBean.class));
            if (on.equals(CircusNames.watcher(name))) {
                // Only the configured spelling: a name in another case is looked up each time, so
                // it finds the watcher even after it was removed and added again in yet another case.
                byName.put(name, proxy);
            }
            return proxy;
        });
    }

    /**
     * The plugins ({@code circus:type=Plugin}) by name, sorted; Circus shows them as watchers {@code
     * plugin:NAME}. One attribute read (the Arbiter's {@code PluginNames}), not a query, which would
     * walk every bean of the domain, one per process.
     */
    public SortedMap<String, PluginMXBean> plugins() {
        SortedMap<String, PluginMXBean> plugins = new TreeMap<>();
        for (String name : arbiter().getPluginNames()) {
            if (pluginProxies.size() > MAX_CACHED) {
                pluginProxies.clear();
            }
            plugins.put(name, pluginProxies.computeIfAbsent(name,
                    n -> JMX.newMXBeanProxy(server, CircusNames.plugin(n), PluginMXBean.class)));
        }
        return plugins;
    }

    /** Circus's status word for a plugin's watcher: active while it runs, else stopped (or starting). */
    public static String pluginStatus(PluginMXBean plugin) {
        String state = plugin.getState();
        return state.equals("active") || state.equals("starting") ? state : "stopped";
    }

    /**
     * Drops the watcher proxies kept, after one reached no bean: a watcher added again under another
     * case is then found by the next look-up.
     */
    public void forgetWatchers() {
        byName.clear();
        watchers.clear();
    }

    /** The ObjectName of a watcher named in any case, or empty. */
    public Optional<ObjectName> watcherName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        ObjectName exact = CircusNames.watcher(name);
        try {
            if (server.isRegistered(exact)) {
                return Optional.of(exact);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String configured : arbiter.getWatcherNames()) {
            if (configured.equalsIgnoreCase(name)) {
                return Optional.of(CircusNames.watcher(configured));
            }
        }
        return Optional.empty();
    }
}
