package io.circus.plugin.host;

import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.CircusNames;
import io.circus.jmx.ProcessMXBean;
import io.circus.jmx.ProcessStats;
import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginContext;
import io.circus.plugin.PluginOptions;
import io.circus.runtime.Arbiter;
import io.circus.runtime.FlappingStatus;
import io.circus.runtime.Watcher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.MBeanServer;
import org.slf4j.Logger;

/**
 * The context of one incarnation. MBeans are reached through MXBean proxies on the daemon's
 * MBeanServer, so a plugin's commands go through exactly the operations (and the audit trail) that
 * JMX clients use; the model is read only to find a process's slot by pid without a query.
 */
final class RunnerContext implements PluginContext {

    private final PluginRunner runner;
    private final Incarnation inc;
    private final MBeanServer server;
    private final Arbiter arbiter;
    private final PluginOptions options;

    RunnerContext(PluginRunner runner, Incarnation inc, MBeanServer server, Arbiter arbiter) {
        this.runner = runner;
        this.inc = inc;
        this.server = server;
        this.arbiter = arbiter;
        this.options = new PluginOptions(runner.name(), runner.config.options());
    }

    @Override
    public String name() {
        return runner.name();
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
        return arbiter.watchers().stream().map(Watcher::name).filter(n -> !n.startsWith("plugin:")).toList();
    }

    @Override
    public Optional<WatcherMXBean> watcher(String name) {
        return arbiter.watcher(name).filter(w -> server.isRegistered(CircusNames.watcher(w.name())))
                .map(w -> JMX.newMXBeanProxy(server, CircusNames.watcher(w.name()), WatcherMXBean.class));
    }

    @Override
    public Optional<ProcessMXBean> process(long pid) {
        for (Watcher w : arbiter.watchers()) {
            var slot = w.process(pid);
            if (slot.isPresent()) {
                return Optional.of(JMX.newMXBeanProxy(server, CircusNames.process(w.name(), slot.get().wid()),
                        ProcessMXBean.class));
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, String> watcherOverrides(String watcher, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        String p = prefix + ".";
        watcher(watcher).ifPresent(w -> w.getOptionTable().forEach((k, v) -> {
            if (k.startsWith(p) && k.length() > p.length()) {
                found.put(k.substring(p.length()), v);
            }
        }));
        return found;
    }

    @Override
    public List<ProcessStats> stats(String watcher) {
        return watcher(watcher).map(WatcherMXBean::stats).orElse(List.of());
    }

    @Override
    public ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return inc.executor.schedule(() -> runner.guard(inc, "scheduled task", task::run), delay.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> scheduleEvery(Duration period, Runnable task) {
        long nanos = Math.max(1, period.toNanos());
        return inc.executor.scheduleWithFixedDelay(() -> runner.guard(inc, "periodic task", task::run), nanos, nanos,
                TimeUnit.NANOSECONDS);
    }

    @Override
    public Logger log() {
        return runner.log;
    }

    @Override
    public void checked() {
        runner.counters.checks.incrementAndGet();
    }

    @Override
    public void acted(String watcher, PluginAction action, String message) {
        if (inc.abandoned) {
            return;
        }
        runner.counters.acted(watcher, action, message);
        runner.log.info("plugin {}: {} {}: {}", name(), action.name().toLowerCase(java.util.Locale.ROOT),
                watcher == null ? "" : watcher, message);
        runner.notifier.acted(watcher, action, message);
    }

    @Override
    public void flapping(String watcher, FlappingStatus status) {
        if (!inc.abandoned) {
            arbiter.reportFlapping(watcher, status);
        }
    }

    @Override
    public void failed(String message, Throwable cause) {
        runner.counters.error(message + (cause != null ? ": " + cause : ""));
        runner.log.warn("plugin {}: {}", name(), message, cause);
    }

    @Override
    public String toString() {
        return "plugin:" + name();
    }
}
