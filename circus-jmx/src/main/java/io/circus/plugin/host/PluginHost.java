package io.circus.plugin.host;

import io.circus.config.CircusConfig;
import io.circus.config.PluginConfig;
import io.circus.event.Event;
import io.circus.event.EventListener;
import io.circus.event.EventType;
import io.circus.extension.ExtensionClassPath;
import io.circus.jmx.CircusNames;
import io.circus.jmx.PluginMXBean;
import io.circus.jmx.internal.AnnotatedMBean;
import io.circus.runtime.Arbiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the arbiter's configured plugins, one {@link PluginRunner} and one Plugin MBean each, and
 * follows {@code reloadconfig}: after a {@code config_reloaded} event the plugins are made equal to the
 * configuration now in effect (a changed section restarts its plugin, as Circus restarts its process).
 *
 * <pre>{@code
 * PluginHost plugins = PluginHost.start(arbiter, server, extensionLoader); // refuses bad sections
 * ...
 * plugins.close();
 * }</pre>
 *
 * <p>Threading: one host thread ({@code circus-plugin-host}, started with the first plugin or the first
 * {@code reloadconfig}) reconciles and watches for hung plugins;
 * {@link #onEvent} runs on the supervisor's thread and only queues.
 */
public final class PluginHost implements EventListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final long START_WAIT_SECONDS = 10;

    private final Arbiter arbiter;
    private final MBeanServer server;
    private final PluginFactory factory;
    private final ExtensionClassPath extensions;
    private final Map<String, PluginRunner> runners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService host = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "circus-plugin-host");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile boolean closed;

    private PluginHost(Arbiter arbiter, MBeanServer server, ExtensionClassPath extensions) {
        this.arbiter = arbiter;
        this.server = server;
        this.factory = new PluginFactory(extensions);
        this.extensions = extensions;
    }

    /**
     * Starts every {@code [plugin:NAME]} of the arbiter's configuration and waits (10 s at most each) for
     * their {@code start}.
     *
     * @param extensions where {@code use = com.example.X} classes are found (the arbiter's, shared with the hooks; the host never closes it)
     * @throws IllegalArgumentException naming the section, key and value, when a plugin's {@code use} or
     *                                  an option is not valid; nothing is left running
     */
    public static PluginHost start(Arbiter arbiter, MBeanServer server, ExtensionClassPath extensions) {
        PluginHost h = new PluginHost(arbiter, server, extensions);
        try {
            List<PluginRunner> started = new ArrayList<>();
            for (PluginConfig c : arbiter.config().plugins()) {
                started.add(h.add(c));
            }
            for (PluginRunner r : started) {
                awaitStart(r);
            }
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
        arbiter.addListener(h);
        return h;
    }

    /**
     * Checks what can be checked before a configuration is applied: each {@code use} resolves to a
     * plugin class, and the options the host itself reads ({@code active}, {@code hang_timeout}).
     *
     * @throws IllegalArgumentException naming the section and what is wrong
     */
    public static void check(CircusConfig config, ExtensionClassPath extensions) {
        PluginFactory f = new PluginFactory(extensions);
        for (PluginConfig c : config.plugins()) {
            new PluginRunner(c, f.resolve(c).instances(), new PluginNotifier(CircusNames.plugin(c.name()), c.name()), i -> null);
        }
    }

    /** The names of the running plugins' beans, for the facades' {@code list}/{@code status}. */
    public List<String> names() {
        return runners.keySet().stream().sorted().toList();
    }

    @Override
    public void onEvent(Event event) {
        if (event.watcher() != null && event.watcher().startsWith("plugin:")) {
            return;
        }
        if (!runners.isEmpty()) { // no iterator per event when there is no plugin
            for (PluginRunner r : runners.values()) {
                r.offer(event);
            }
        }
        if (event.type() == EventType.CONFIG_RELOADED && !closed) {
            host.execute(this::reconcile);
        }
    }

    private void reconcile() {
        Map<String, PluginConfig> wanted = new ConcurrentHashMap<>();
        arbiter.config().plugins().forEach(c -> wanted.put(c.name(), c));
        for (PluginRunner r : List.copyOf(runners.values())) {
            PluginConfig next = wanted.get(r.name());
            if (next == null || !next.equals(r.config)) {
                remove(r);
                LOG.info("reloadconfig: plugin {} {}", r.name(), next == null ? "removed" : "reconfigured");
            }
        }
        for (PluginConfig c : wanted.values()) {
            if (!runners.containsKey(c.name())) {
                try {
                    add(c).start();
                } catch (RuntimeException e) {
                    LOG.error("reloadconfig: {}", e.getMessage());
                }
            }
        }
    }

    private PluginRunner add(PluginConfig c) {
        PluginFactory.Resolved plugins = factory.resolve(c);
        ObjectName name = CircusNames.plugin(c.name());
        PluginNotifier notifier = new PluginNotifier(name, c.name());
        PluginRunner[] self = new PluginRunner[1];
        PluginRunner r = new PluginRunner(c, plugins.instances(), notifier, inc -> new RunnerContext(self[0], inc, server, arbiter));
        self[0] = r;
        String implementation = plugins.type().getName();
        try {
            server.registerMBean(new AnnotatedMBean<>(new PluginBean(r, implementation), PluginMXBean.class,
                    notifier.broadcaster()), name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + name + ": " + e.getMessage(), e);
        }
        runners.put(c.name(), r);
        r.start();
        if (ticking.compareAndSet(false, true)) {
            // The first plugin starts the host thread: a daemon without plugins has neither the thread
            // nor its four wake-ups a second.
            host.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
        }
        return r;
    }

    private void remove(PluginRunner r) {
        runners.remove(r.name(), r);
        r.stop();
        try {
            server.unregisterMBean(CircusNames.plugin(r.name()));
        } catch (JMException e) {
            // Already gone.
        }
    }

    private static void awaitStart(PluginRunner r) {
        try {
            r.start().get(START_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IllegalArgumentException iae ? iae
                    : new IllegalStateException("[plugin:" + r.name() + "] " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            LOG.warn("plugin {} is still starting after {} s", r.name(), START_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (PluginRunner r : runners.values()) {
            try {
                r.tick(now);
            } catch (RuntimeException e) {
                LOG.error("plugin {}: health check failed", r.name(), e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        arbiter.removeListener(this);
        host.shutdownNow();
        for (PluginRunner r : List.copyOf(runners.values())) {
            remove(r);
        }
        // The extension class path is the arbiter's (shared with the hooks): not ours to close.
    }
}
