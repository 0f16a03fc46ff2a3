package io.circus.plugin.builtin;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.Event;
import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.CircusNames;
import io.circus.jmx.ManagementHandle;
import io.circus.jmx.ProcessMXBean;
import io.circus.jmx.ProcessStats;
import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginContext;
import io.circus.plugin.PluginOptions;
import io.circus.runtime.core.ArbiterCore;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real arbiter with real children, its MXBeans on a private MBeanServer, and one plugin running
 * against them on a thread of its own, as the daemon runs it: events in, MXBean operations out. The
 * context records what the plugin reports ({@code acted}, {@code failed}, {@code checked}) for the
 * test to await.
 */
final class PluginHarness implements AutoCloseable, PluginContext {

    /** One {@link PluginContext#acted} call; {@code check} is how many checks were counted before it. */
    record Act(String watcher, PluginAction action, String message, long check) {
    }

    final List<Act> acts = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicLong checks = new AtomicLong();
    final ArbiterCore arbiter;
    private final ManagementHandle handle;
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("test-plugin").unstarted(r));
    private final Logger log = LoggerFactory.getLogger("circus.plugin.test");
    private volatile Plugin plugin;
    private volatile PluginOptions options;

    PluginHarness(WatcherConfig... watchers) {
        arbiter = ArbiterCore.builder(CircusConfig.of(List.of(watchers))).listener(this::deliver).build();
        handle = CircusManagement.builder(arbiter).server(server).operationTimeout(Duration.ofSeconds(60)).start();
        arbiter.start().join();
    }

    /** Starts the plugin on its thread with these options and waits until its start returned. */
    <P extends Plugin> P run(P p, Map<String, String> opts) throws Exception {
        options = new PluginOptions("test", new LinkedHashMap<>(opts));
        thread.submit(() -> {
            p.start(this);
            return null;
        }).get(30, TimeUnit.SECONDS);
        plugin = p;
        return p;
    }

    private void deliver(Event event) {
        Plugin p = plugin;
        if (p != null && (event.watcher() == null || !event.watcher().startsWith("plugin:"))) {
            thread.execute(() -> {
                try {
                    p.onEvent(event);
                } catch (Exception e) {
                    failures.add("onEvent threw " + e);
                }
            });
        }
    }

    List<Act> acts(PluginAction action) {
        return acts.stream().filter(a -> a.action == action).toList();
    }

    WatcherMXBean bean(String name) {
        return JMX.newMXBeanProxy(server, CircusNames.watcher(name), WatcherMXBean.class);
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public PluginOptions options() {
        return options;
    }

    @Override
    public ArbiterMXBean arbiter() {
        return JMX.newMXBeanProxy(server, CircusNames.ARBITER, ArbiterMXBean.class);
    }

    @Override
    public List<String> watcherNames() {
        return Arrays.stream(arbiter().getWatcherNames()).filter(n -> !n.startsWith("plugin:")).toList();
    }

    @Override
    public Optional<WatcherMXBean> watcher(String name) {
        return watcherNames().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().map(this::bean);
    }

    @Override
    public Optional<ProcessMXBean> process(long pid) {
        return Optional.empty();
    }

    @Override
    public Map<String, String> watcherOverrides(String watcher, String prefix) {
        return Map.of();
    }

    @Override
    public List<ProcessStats> stats(String watcher) {
        return watcher(watcher).map(WatcherMXBean::stats).orElse(List.of());
    }

    @Override
    public ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return thread.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> scheduleEvery(Duration period, Runnable task) {
        return thread.scheduleWithFixedDelay(guarded(task), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                failures.add("task threw " + e);
            }
        };
    }

    @Override
    public void flapping(String watcher, io.circus.runtime.FlappingStatus status) {
        // Not used by these plugins; Flapping has its own tests.
    }

    @Override
    public Logger log() {
        return log;
    }

    @Override
    public void checked() {
        checks.incrementAndGet();
    }

    @Override
    public void acted(String watcher, PluginAction action, String message) {
        log.info("acted on {}: {} {}", watcher, action, message);
        acts.add(new Act(watcher, action, message, checks.get()));
    }

    @Override
    public void failed(String message, Throwable cause) {
        log.info("failed: {}", message);
        failures.add(message);
    }

    @Override
    public void close() {
        Plugin p = plugin;
        plugin = null;
        try {
            if (p != null) {
                thread.submit(() -> {
                    p.stop();
                    return null;
                }).get(30, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the plugin's stop failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdownNow();
            try {
                arbiter.quit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("arbiter did not quit: " + e, e);
            } finally {
                handle.close();
            }
        }
    }
}
