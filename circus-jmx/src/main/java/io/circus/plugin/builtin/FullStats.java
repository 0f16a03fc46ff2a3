package io.circus.plugin.builtin;

import io.circus.jmx.ProcessStats;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginContext;
import java.util.List;

/**
 * {@code circus.plugins.statsd.FullStats}: every {@code loop_rate} seconds (60), for each watcher,
 * the gauges Circus sends under {@code circus.<application_name>.watcher._stats.<watcher>.}:
 * {@code watchers_num} (its processes), then, when it has some, {@code cpu_max}, {@code cpu_sum},
 * {@code mem_pct_max}, {@code mem_pct_sum}, {@code mem_max} and {@code mem_sum} (resident bytes). The
 * figures are the samples {@code stats} reads. A failed read counts {@code _stats.error}.
 *
 * <p>Threading: called on the plugin's thread only.
 */
public final class FullStats implements Plugin {

    private StatsdClient statsd;
    private PluginContext context;

    @Override
    public void start(PluginContext context) throws Exception {
        this.context = context;
        java.time.Duration period = StatsdOptions.loopRate(context.options(), 60);
        this.statsd = StatsdOptions.open(context.options(), "app");
        context.scheduleEvery(period, this::lookAfter);
    }

    private void lookAfter() {
        for (String watcher : context.watcherNames()) {
            List<ProcessStats> stats;
            try {
                stats = context.stats(watcher);
            } catch (RuntimeException e) {
                // A watcher removed between the list and the read, or a sampling failure.
                statsd.increment("_stats.error");
                context.failed("stats of " + watcher + " failed: " + e.getMessage(), e);
                continue;
            }
            context.checked();
            send(watcher, stats);
        }
    }

    private void send(String watcher, List<ProcessStats> stats) {
        String bucket = "_stats." + watcher + ".";
        statsd.gauge(bucket + "watchers_num", stats.size());
        if (stats.isEmpty()) {
            return;
        }
        double cpuMax = 0;
        double cpuSum = 0;
        double memMax = 0;
        double memSum = 0;
        long rssMax = 0;
        long rssSum = 0;
        for (ProcessStats p : stats) {
            cpuMax = Math.max(cpuMax, p.cpu());
            cpuSum += p.cpu();
            memMax = Math.max(memMax, p.mem());
            memSum += p.mem();
            rssMax = Math.max(rssMax, p.rssBytes());
            rssSum += p.rssBytes();
        }
        statsd.gauge(bucket + "cpu_max", cpuMax);
        statsd.gauge(bucket + "cpu_sum", cpuSum);
        statsd.gauge(bucket + "mem_pct_max", memMax);
        statsd.gauge(bucket + "mem_pct_sum", memSum);
        statsd.gauge(bucket + "mem_max", rssMax);
        statsd.gauge(bucket + "mem_sum", rssSum);
    }

    @Override
    public void stop() {
        if (statsd != null) {
            statsd.close();
        }
    }
}
