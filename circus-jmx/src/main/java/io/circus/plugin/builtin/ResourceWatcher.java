package io.circus.plugin.builtin;

import io.circus.jmx.ProcessStats;
import io.circus.jmx.ProcessUsage;
import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginContext;
import io.circus.plugin.PluginOptionException;
import io.circus.plugin.PluginOptions;
import io.circus.process.Signal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code circus.plugins.resource_watcher.ResourceWatcher}: every {@code loop_rate} seconds (60) reads
 * the figures of {@code watcher}'s processes (the samples {@code stats} reads) and counts, per limit,
 * consecutive rounds out of bounds: {@code max_cpu} (90 %), {@code min_cpu}, {@code max_mem} (90 %),
 * {@code min_mem} (memory bounds are a percentage of the machine's memory, or a resident size such as
 * {@code 200M}) and {@code health_threshold} (75, compared with the mean of CPU and memory
 * percentages). When a count exceeds {@code max_count} (3) the watcher is restarted. With
 * {@code process_children}, each child of a process is judged on its own figures and one out of
 * bounds gets {@code child_signal} (SIGTERM), sent to that child only (Circus sends it to every
 * process of the watcher). Each violation counts {@code _resource_watcher.<watcher>.over_cpu},
 * {@code under_cpu}, {@code over_memory}, {@code under_memory} or {@code over_health} in statsd,
 * each trigger {@code restarting}, a failed read {@code error}.
 *
 * <p>Threading: called on the plugin's thread only.
 */
public final class ResourceWatcher implements Plugin {

    private static final String PARENT = "parent";

    private PluginContext context;
    private StatsdClient statsd;
    private String watcher;
    private ResourceLimits limits;
    private boolean processChildren;
    private String childSignal;
    private final Map<String, ViolationCounts> counts = new HashMap<>();

    @Override
    public void start(PluginContext context) throws Exception {
        this.context = context;
        PluginOptions options = context.options();
        watcher = options.text("watcher").filter(s -> !s.isEmpty()).orElse(null);
        Optional<String> service = options.text("service");
        if (service.isPresent()) {
            context.log().warn("[plugin:{}] service is deprecated: write watcher = {}", options.plugin(), service.get());
            if (watcher == null) {
                watcher = service.get();
            }
        }
        if (watcher == null) {
            throw new PluginOptionException(options.plugin(), "watcher", null, "required: the watcher to look after");
        }
        limits = ResourceLimits.from(options);
        processChildren = options.bool("process_children", false);
        childSignal = String.valueOf(options.signal("child_signal", Signal.TERM).number());
        java.time.Duration period = StatsdOptions.loopRate(options, 60);
        statsd = StatsdOptions.open(options, "app");
        context.scheduleEvery(period, this::lookAfter);
    }

    private void lookAfter() {
        List<ProcessStats> stats;
        try {
            Optional<WatcherMXBean> bean = context.watcher(watcher);
            if (bean.isEmpty()) {
                throw new IllegalStateException("no watcher named " + watcher);
            }
            stats = context.stats(watcher);
        } catch (RuntimeException e) {
            statsd.increment("_resource_watcher." + watcher + ".error");
            context.failed("cannot read the figures of " + watcher + ": " + e.getMessage(), e);
            return;
        }
        context.checked();
        Sample parent = Sample.of(stats.stream().map(p -> Sample.one(p.cpu(), p.mem(), p.rssBytes())).toList());
        if (judge(PARENT, parent)) {
            statsd.increment("_resource_watcher." + watcher + ".restarting");
            context.watcher(watcher).ifPresent(w -> w.restart(false));
            context.acted(watcher, PluginAction.RESTART, limits.describe(parent) + "; restarted " + watcher);
        }
        Set<String> seen = new HashSet<>(Set.of(PARENT));
        if (processChildren) {
            for (ProcessStats p : stats) {
                for (ProcessUsage child : p.children()) {
                    String index = String.valueOf(child.pid());
                    seen.add(index);
                    Sample sample = Sample.one(child.cpu(), child.mem(), child.rssBytes());
                    if (judge(index, sample)) {
                        signalChild(p.pid(), child.pid(), sample);
                        counts.remove(index);
                    }
                }
            }
        }
        // Children that exited must not leave counts behind.
        counts.keySet().retainAll(seen);
    }

    /** Counts this round's violations; true when one has lasted more than max_count rounds. */
    private boolean judge(String index, Sample sample) {
        ViolationCounts c = counts.computeIfAbsent(index, k -> new ViolationCounts());
        for (String violation : c.update(limits, sample)) {
            statsd.increment("_resource_watcher." + watcher + "." + violation);
        }
        if (c.max() > limits.maxCount()) {
            c.reset();
            return true;
        }
        return false;
    }

    private void signalChild(long parentPid, long childPid, Sample sample) {
        statsd.increment("_resource_watcher." + watcher + ".restarting");
        Optional<WatcherMXBean> bean = context.watcher(watcher);
        if (bean.isEmpty()) {
            return;
        }
        try {
            bean.get().signal(childSignal, parentPid, childPid, false, false);
        } catch (RuntimeException e) {
            // The child exited since the sample: nothing left to signal.
            context.failed("signal " + childSignal + " to child " + childPid + " of pid " + parentPid + " failed: "
                    + e.getMessage(), e);
            return;
        }
        context.acted(watcher, PluginAction.SIGNAL, "child " + childPid + " of pid " + parentPid + ": "
                + limits.describe(sample) + "; sent signal " + childSignal + " to the child");
    }

    @Override
    public void stop() {
        if (statsd != null) {
            statsd.close();
        }
    }
}
