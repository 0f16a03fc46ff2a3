package io.circus.plugin.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StatsdEmitter and FullStats against real processes and a real UDP statsd receiver. */
class StatsdPluginsTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    private static WatcherConfig sleepers(String name, int n) {
        return WatcherConfig.builder(name, "sleep").args("3600").numProcesses(n)
                .gracefulTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void emitterCountsEveryWatcherEventUnderCircusBucketNames() throws Exception {
        try (StatsdReceiver statsd = new StatsdReceiver(); PluginHarness h = new PluginHarness(sleepers("web", 1))) {
            h.run(new StatsdEmitter(), Map.of("host", "127.0.0.1", "port", String.valueOf(statsd.port())));
            h.bean("web").incr(1, true);
            Await.until("a spawn counted", LONG, () -> statsd.lines.contains("circus.app.watcher.web.spawn:1|c"));
            long pid = h.bean("web").getPids()[0];
            h.bean("web").kill(pid, "", -1, true);
            Await.until("kill and reap counted", LONG, () -> statsd.lines.contains("circus.app.watcher.web.kill:1|c")
                    && statsd.lines.contains("circus.app.watcher.web.reap:1|c"));
            assertTrue(statsd.lines.stream().noneMatch(l -> l.contains(".state:")), statsd.lines.toString());
        }
    }

    @Test
    void emitterHonoursApplicationNameAndSampleRate() throws Exception {
        try (StatsdReceiver statsd = new StatsdReceiver(); PluginHarness h = new PluginHarness(sleepers("web", 1))) {
            h.run(new StatsdEmitter(), Map.of("host", "127.0.0.1", "port", String.valueOf(statsd.port()),
                    "application_name", "shop", "sample_rate", "0.5"));
            h.bean("web").incr(1, true);
            Await.until("a spawn counted", LONG, () -> statsd.lines.contains("circus.shop.watcher.web.spawn:1|c|@0.5"));
        }
    }

    @Test
    void fullStatsSendsCircusGaugesPerWatcher() throws Exception {
        try (StatsdReceiver statsd = new StatsdReceiver();
             PluginHarness h = new PluginHarness(sleepers("web", 2), sleepers("idle", 0))) {
            h.run(new FullStats(), Map.of("host", "127.0.0.1", "port", String.valueOf(statsd.port()),
                    "loop_rate", "0.2"));
            String p = "circus.app.watcher._stats.web.";
            Await.until("a round of gauges", LONG, () -> statsd.has(p + "mem_sum:"));
            assertTrue(statsd.lines.contains(p + "watchers_num:2|g"), statsd.lines.toString());
            assertTrue(statsd.lines.contains("circus.app.watcher._stats.idle.watchers_num:0|g"), statsd.lines.toString());
            List<String> web = statsd.lines.stream().filter(l -> l.startsWith(p)).limit(7)
                    .map(l -> l.substring(p.length(), l.indexOf(':'))).toList();
            // Circus's order; test_full_stats checks the last five of a round.
            assertEquals(List.of("watchers_num", "cpu_max", "cpu_sum", "mem_pct_max", "mem_pct_sum", "mem_max", "mem_sum"), web);
            long memMax = statsd.lines.stream().filter(l -> l.startsWith(p + "mem_max:")).findFirst()
                    .map(l -> Long.parseLong(l.substring(l.indexOf(':') + 1, l.indexOf('|')))).orElseThrow();
            assertTrue(memMax > 0, "resident bytes of a sleep: " + memMax);
            assertTrue(statsd.lines.stream().noneMatch(l -> l.startsWith("circus.app.watcher._stats.idle.cpu")));
        }
    }
}
