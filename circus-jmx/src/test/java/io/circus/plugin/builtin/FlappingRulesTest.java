package io.circus.plugin.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.ProcessMXBean;
import io.circus.jmx.ProcessStats;
import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginContext;
import io.circus.plugin.PluginOptionException;
import io.circus.plugin.PluginOptions;
import io.circus.runtime.FlappingStatus;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circus's Flapping rules (its test_plugin_flapping): defaults 2/1/7/5, a stop and a retry timer while
 * tries stay under max_retry, a stop without a timer at the limit, -1 for no limit, and our additions:
 * commanded exits are not counted, a watcher's flapping.* options win. The plugin's judgement is driven
 * by events; the MBean it acts on is a recording stand-in.
 */
class FlappingRulesTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<String> commands = new ArrayList<>();
    private final List<Duration> retries = new ArrayList<>();
    private final List<FlappingStatus> reported = new ArrayList<>();
    private final Map<String, String> overrides = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private long seq;

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void defaultsAreTwoExitsOneSecondSevenSecondsFiveRetries() {
        Flapping f = started(Map.of());
        reap(f, "crashed");
        assertEquals(List.of(), commands, "one exit is not flapping");
        reap(f, "crashed");
        assertEquals(List.of("stop"), commands);
        assertEquals(List.of(Duration.ofSeconds(7)), retries);
        FlappingStatus s = reported.getLast();
        assertEquals(1, s.tries());
        assertEquals(5, s.maxRetry());
        assertTrue(s.parked() && s.retryEpochMillis() > 0);
    }

    @Test
    void stopsWithATimerUntilMaxRetryThenForGood() {
        Flapping f = started(Map.of("max_retry", "2", "retry_in", "3"));
        for (int round = 0; round < 3; round++) {
            reap(f, "crashed");
            reap(f, "crashed");
            event(f, EventType.START, Map.of());
        }
        assertEquals(List.of("stop", "stop", "stop"), commands);
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), retries, "no timer at the limit");
        assertEquals(0, reported.stream().filter(FlappingStatus::parked).toList().getLast().retryEpochMillis());
    }

    @Test
    void maxRetryMinusOneAlwaysRetries() {
        Flapping f = started(Map.of("max_retry", "-1"));
        for (int round = 0; round < 8; round++) {
            reap(f, "crashed");
            reap(f, "crashed");
            event(f, EventType.START, Map.of());
        }
        assertEquals(8, retries.size());
    }

    @Test
    void exitsTheStopCausedAreNotCounted() {
        Flapping f = started(Map.of());
        reap(f, "commanded");
        reap(f, "timed_out");
        reap(f, "crashed");
        assertEquals(List.of(), commands);
    }

    @Test
    void aWatchersOwnFlappingOptionsWin() {
        overrides.put("attempts", "3");
        Flapping f = started(Map.of());
        reap(f, "crashed");
        reap(f, "crashed");
        assertEquals(List.of(), commands, "flapping.attempts = 3 for this watcher");
        reap(f, "crashed");
        assertEquals(List.of("stop"), commands);

        overrides.put("active", "false");
        event(f, EventType.UPDATED, Map.of("key", "flapping.active"));
        event(f, EventType.START, Map.of());
        for (int i = 0; i < 6; i++) {
            reap(f, "crashed");
        }
        assertEquals(List.of("stop"), commands, "flapping.active = false: left alone");
    }

    @Test
    void aBadFlappingOptionOfOneWatcherLeavesItUnjudgedAndIsReported() {
        overrides.put("max_retry", "often");
        Flapping f = started(Map.of());
        reap(f, "crashed");
        reap(f, "crashed");
        assertEquals(List.of(), commands);
        assertTrue(failures.getFirst().startsWith("[watcher:web] flapping.max_retry: [plugin:flap] max_retry = often"),
                failures.toString());
    }

    @Test
    void aBadOptionIsAConfigurationErrorNamingIt() {
        PluginOptionException e = assertThrows(PluginOptionException.class, () -> started(Map.of("attempts", "two")));
        assertEquals("[plugin:flap] attempts = two: expected an integer", e.getMessage());
    }

    private Flapping started(Map<String, String> options) {
        Flapping f = new Flapping();
        f.start(new Context(new PluginOptions("flap", options)));
        return f;
    }

    private void reap(Flapping f, String cause) {
        event(f, EventType.REAP, Map.of("cause", cause, "exit_code", 1));
    }

    private void event(Flapping f, EventType type, Map<String, Object> fields) {
        f.onEvent(new Event(++seq, type, "web", 1, 100, System.currentTimeMillis(), fields));
    }

    private WatcherMXBean watcherBean() {
        return (WatcherMXBean) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{WatcherMXBean.class},
                (proxy, method, args) -> {
                    commands.add(method.getName());
                    return null;
                });
    }

    /** Options as given, the recording watcher, real timers that never fire within a test. */
    private final class Context implements PluginContext {
        private final PluginOptions options;

        Context(PluginOptions options) {
            this.options = options;
        }

        @Override public String name() { return "flap"; }
        @Override public PluginOptions options() { return options; }
        @Override public ArbiterMXBean arbiter() { throw new UnsupportedOperationException(); }
        @Override public List<String> watcherNames() { return List.of("web"); }
        @Override public Optional<WatcherMXBean> watcher(String name) { return Optional.of(watcherBean()); }
        @Override public Optional<ProcessMXBean> process(long pid) { return Optional.empty(); }
        @Override public Map<String, String> watcherOverrides(String watcher, String prefix) { return Map.copyOf(overrides); }
        @Override public List<ProcessStats> stats(String watcher) { return List.of(); }
        @Override public Logger log() { return LoggerFactory.getLogger("test"); }
        @Override public void checked() { }
        @Override public void acted(String watcher, PluginAction action, String message) { }
        @Override public void flapping(String watcher, FlappingStatus status) { reported.add(status); }
        @Override public void failed(String message, Throwable cause) { failures.add(message); }

        @Override
        public ScheduledFuture<?> schedule(Duration delay, Runnable task) {
            retries.add(delay);
            return timers.schedule(task, 1, TimeUnit.DAYS);
        }

        @Override
        public ScheduledFuture<?> scheduleEvery(Duration period, Runnable task) {
            throw new UnsupportedOperationException();
        }
    }
}
