package io.circus.plugin.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.jmx.ProcessStats;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginOptionException;
import io.circus.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ResourceWatcher against real processes that allocate memory past a limit. */
class ResourceWatcherTest {

    private static final Duration LONG = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aProcessGrowingPastAnAbsoluteLimitGetsItsWatcherRestarted() throws Exception {
        Path hog = Scripts.write(dir, "hog.sh", Scripts.HOG);
        WatcherConfig w = WatcherConfig.builder("hog", hog + " 150").gracefulTimeout(Duration.ofSeconds(5)).build();
        try (StatsdReceiver statsd = new StatsdReceiver(); PluginHarness h = new PluginHarness(w)) {
            long first = h.bean("hog").getPids()[0];
            h.run(new ResourceWatcher(), Map.of("watcher", "hog", "max_mem", "100M", "max_cpu", "0",
                    "health_threshold", "0", "max_count", "1", "loop_rate", "0.3",
                    "host", "127.0.0.1", "port", String.valueOf(statsd.port())));
            Await.until("a restart", LONG, () -> !h.acts(PluginAction.RESTART).isEmpty());
            assertTrue(statsd.lines.contains("circus.app.watcher._resource_watcher.hog.over_memory:1|c"), statsd.lines.toString());
            assertTrue(statsd.lines.contains("circus.app.watcher._resource_watcher.hog.restarting:1|c"), statsd.lines.toString());
            Await.until("a new process", LONG, () -> {
                long[] pids = h.bean("hog").getPids();
                return pids.length == 1 && pids[0] != first;
            });
        }
    }

    @Test
    void percentAndSizeBoundsGiveCircusCounters() throws Exception {
        WatcherConfig w = WatcherConfig.builder("test", "sleep").args("3600").gracefulTimeout(Duration.ofSeconds(5)).build();
        try (StatsdReceiver statsd = new StatsdReceiver(); PluginHarness h = new PluginHarness(w)) {
            // Circus's test_plugin_resource_watcher bounds, all at once; max_count high so nothing restarts.
            h.run(new ResourceWatcher(), Map.of("watcher", "test", "max_mem", "0.0001", "min_mem", "100M",
                    "max_cpu", "-0.1", "min_cpu", "99.0", "max_count", "1000", "loop_rate", "0.2",
                    "host", "127.0.0.1", "port", String.valueOf(statsd.port())));
            String p = "circus.app.watcher._resource_watcher.test.";
            Await.until("every counter", LONG, () -> statsd.lines.containsAll(List.of(p + "over_memory:1|c",
                    p + "under_memory:1|c", p + "over_cpu:1|c", p + "under_cpu:1|c")));
            assertTrue(h.acts.isEmpty(), h.acts.toString());
        }
    }

    @Test
    void theChildSignalGoesToTheChildOnly() throws Exception {
        Scripts.write(dir, "hog.sh", Scripts.HOG);
        Path parent = Scripts.write(dir, "parent.sh", Scripts.PARENT);
        WatcherConfig w = WatcherConfig.builder("family", parent + " 150").stopChildren(true)
                .gracefulTimeout(Duration.ofSeconds(5)).build();
        try (PluginHarness h = new PluginHarness(w)) {
            long parentPid = h.bean("family").getPids()[0];
            h.run(new ResourceWatcher(), Map.of("watcher", "family", "process_children", "true", "max_mem", "100M",
                    "max_cpu", "0", "health_threshold", "0", "max_count", "1", "loop_rate", "0.3", "port", "8125"));
            Await.until("a child signalled", LONG, () -> !h.acts(PluginAction.SIGNAL).isEmpty());
            PluginHarness.Act act = h.acts(PluginAction.SIGNAL).getFirst();
            long child = Long.parseLong(act.message().split(" ")[1]);
            assertTrue(act.message().startsWith("child " + child + " of pid " + parentPid + ":"), act.message());
            Await.until("the child gone", LONG, () -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
            assertEquals(parentPid, h.bean("family").getPids()[0]);
            assertTrue(h.acts(PluginAction.RESTART).isEmpty(), h.acts.toString());
        }
    }

    @Test
    void optionsAreCheckedLikeCircus() throws Exception {
        try (PluginHarness h = new PluginHarness(WatcherConfig.builder("w", "sleep 3600").numProcesses(0).build())) {
            Exception e = assertThrows(Exception.class, () -> h.run(new ResourceWatcher(), Map.of("loop_rate", "1")));
            assertTrue(e.getCause() instanceof PluginOptionException && e.getCause().getMessage().contains("watcher"),
                    String.valueOf(e.getCause()));
            e = assertThrows(Exception.class, () -> h.run(new ResourceWatcher(), Map.of("watcher", "w", "max_mem", "12QB")));
            assertTrue(e.getCause().getMessage().contains("max_mem"), String.valueOf(e.getCause()));
        }
        assertEquals(9216, ByteSize.parse("9K"));
        assertEquals(1183842304L, ByteSize.parse("1129M"));
        assertEquals(2136746229L, ByteSize.parse("1.99G"));
        for (String bad : List.of("", "faoej", "123KB", "48", "23V")) {
            assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(bad), bad);
        }
        assertEquals(new Limit(90, false), Limit.parse("max_mem", "90"));
        assertEquals(new Limit(200 * 1048576, true), Limit.parse("max_mem", "200M"));
    }
}
