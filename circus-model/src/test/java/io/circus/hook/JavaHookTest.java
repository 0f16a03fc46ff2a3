package io.circus.hook;

import static io.circus.runtime.ArbiterFixture.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.extension.ExtensionCompiler;
import io.circus.testing.Pids;
import io.circus.runtime.ArbiterFixture;
import io.circus.runtime.WatcherState;
import io.circus.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java hooks at every hook point, with every result (true, false, null, exception, timeout, ignored
 * failure), against real processes. The hook classes are compiled into a directory of their own and found
 * only through {@code extension_path}.
 */
class JavaHookTest {

    static final String HOOKS = """
            package t;

            import io.circus.hook.HookContext;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            public class Hooks {
                static void record(HookContext c) throws Exception {
                    Path calls = Path.of(System.getProperty("hooktest.dir"), "calls");
                    String line = c.watcherName() + " " + c.hookName() + " pid=" + c.pid() + " signum=" + c.signum()
                            + " exit=" + c.exitCode() + " status=" + c.processStatus()
                            + " watcher=" + c.watcher().name() + " thread=" + Thread.currentThread().getName() + "\\n";
                    Files.writeString(calls, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                public static boolean yes(HookContext c) throws Exception { record(c); return true; }
                public static boolean no(HookContext c) throws Exception { record(c); return false; }
                public static Boolean nothing(HookContext c) throws Exception { record(c); return null; }
                public static boolean boom(HookContext c) throws Exception {
                    record(c);
                    throw new IllegalStateException("boom");
                }
                public static boolean hang(HookContext c) throws Exception {
                    record(c);
                    Path go = Path.of(System.getProperty("hooktest.dir"), "go");
                    while (!Files.exists(go)) { // ignores interrupts: the runner must abandon it
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException ignored) {
                            // hung on purpose
                        }
                    }
                    return true;
                }
                public static boolean awaitGo(HookContext c) throws Exception {
                    record(c);
                    Path go = Path.of(System.getProperty("hooktest.dir"), "go");
                    while (!Files.exists(go)) {
                        Thread.sleep(10);
                    }
                    return true;
                }
                public static boolean addStats(HookContext c) throws Exception {
                    record(c);
                    c.stats().put("extra", 42);
                    return true;
                }
                public static void notBoolean(HookContext c) { }
                public boolean notStatic(HookContext c) { return true; }
            }
            """;
    static final String COUNTING = """
            package t;

            public class Counting implements io.circus.hook.Hook {
                @Override
                public boolean run(io.circus.hook.HookContext c) throws Exception {
                    Hooks.record(c);
                    return true;
                }
            }
            """;

    @TempDir
    static Path shared;
    static Path classes;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileHooks() {
        classes = ExtensionCompiler.compile(shared.resolve("classes"), Map.of("t.Hooks", HOOKS, "t.Counting", COUNTING));
    }

    @BeforeEach
    void recordInto() {
        System.setProperty("hooktest.dir", dir.toString());
    }

    @AfterEach
    void releaseWaiters() throws IOException {
        Files.writeString(dir.resolve("go"), "");
    }

    private ArbiterFixture daemon(String... watcherLines) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("[watcher:w]", "cmd = sleep 3600", "numprocesses = 2",
                "graceful_timeout = 5"));
        lines.addAll(List.of(watcherLines));
        return HookedDaemon.of(dir, classes.toString(), lines.toArray(String[]::new));
    }

    private List<String> calls() {
        Path p = dir.resolve("calls");
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> callsOf(String hook) {
        return calls().stream().filter(l -> l.startsWith("w " + hook + " ")).toList();
    }

    private static List<Event> hookEvents(ArbiterFixture d) {
        return d.events.all().stream().filter(e -> e.type() == EventType.HOOK_SUCCESS || e.type() == EventType.HOOK_FAILURE)
                .toList();
    }

    /** Starts the watcher and returns its state once the start is over. */
    private static WatcherState started(ArbiterFixture d) {
        join(d.arbiter.start());
        return d.watcher("w").state();
    }

    @Test
    void beforeStartTrueStartsAndRunsOffTheLoop() throws Exception {
        try (ArbiterFixture d = daemon("hooks.before_start = java:t.Hooks#yes")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            assertEquals(2, d.watcher("w").pids().size());
            String call = callsOf("before_start").getFirst();
            assertTrue(call.contains("watcher=w thread=circus-hook w.before_start"), call);
            Event success = hookEvents(d).getFirst();
            assertEquals(EventType.HOOK_SUCCESS, success.type());
            assertEquals("before_start", success.fields().get("name"));
            assertEquals("watcher.w.hook_success", success.topic());
            // Circus's order: the hook, then the spawns, then start.
            List<EventType> seq = d.events.sequence("w");
            assertEquals(List.of(EventType.HOOK_SUCCESS, EventType.SPAWN, EventType.SPAWN, EventType.START), seq);
        }
    }

    @Test
    void beforeStartFalseNullOrFailureLeavesTheWatcherStoppedWithoutAProcess() throws Exception {
        for (String target : List.of("java:t.Hooks#no", "java:t.Hooks#nothing", "java:t.Hooks#boom",
                "java:t.Hooks#hang")) {
            try (ArbiterFixture d = daemon("hooks.before_start = " + target)) {
                assertEquals(WatcherState.STOPPED, started(d), target);
                assertEquals(0, d.events.count("w", EventType.SPAWN), target);
                assertEquals(0, d.events.count("w", EventType.STOP), target);
                Event e = hookEvents(d).getFirst();
                if (target.endsWith("boom")) {
                    assertEquals(EventType.HOOK_FAILURE, e.type());
                    assertEquals("boom", e.fields().get("error"));
                } else if (target.endsWith("hang")) {
                    assertEquals(EventType.HOOK_FAILURE, e.type());
                    assertTrue(e.fields().get("error").toString().startsWith("did not return within 1.5 s"),
                            e.fields().toString());
                    HookStats stats = d.watcher("w").hookStats().getFirst();
                    assertEquals(1, stats.timeouts());
                } else {
                    assertEquals(EventType.HOOK_SUCCESS, e.type(), "a false result is still a hook_success (Circus)");
                }
            }
        }
    }

    @Test
    void anIgnoredFailureLetsTheStartGoOnButFalseStillAborts() throws Exception {
        try (ArbiterFixture d = daemon("hooks.before_start = java:t.Hooks#boom, true")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            assertEquals(EventType.HOOK_FAILURE, hookEvents(d).getFirst().type());
            HookStats stats = d.watcher("w").hookStats().getFirst();
            assertEquals(new HookStats("before_start", "java:t.Hooks#boom", true, 1, 0, 1, 0, "boom"), stats);
        }
        try (ArbiterFixture d = daemon("hooks.before_start = java:t.Hooks#no, true")) {
            assertEquals(WatcherState.STOPPED, started(d));
        }
    }

    @Test
    void afterStartFalseOrFailureStopsTheStartedProcesses() throws Exception {
        try (ArbiterFixture d = daemon("hooks.after_start = java:t.Counting")) {
            assertEquals(WatcherState.ACTIVE, started(d));
        }
        for (String target : List.of("java:t.Hooks#no", "java:t.Hooks#boom")) {
            try (ArbiterFixture d = daemon("hooks.after_start = " + target)) {
                assertEquals(WatcherState.STOPPED, started(d), target);
                List<Long> spawned = d.events.of("w", EventType.SPAWN).stream().map(Event::pid).toList();
                assertEquals(2, spawned.size(), target);
                spawned.forEach(Pids::awaitDead);
                assertEquals(0, d.events.count("w", EventType.START), target);
                assertEquals(1, d.events.count("w", EventType.STOP), target);
            }
        }
    }

    @Test
    void beforeSpawnRunsForEverySpawnAndFalseStopsTheWatcher() throws Exception {
        try (ArbiterFixture d = daemon("hooks.before_spawn = java:t.Hooks#yes")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            assertEquals(2, callsOf("before_spawn").size());
            List<EventType> seq = d.events.sequence("w");
            assertEquals(EventType.HOOK_SUCCESS, seq.getFirst(), seq.toString());
            assertEquals(EventType.START, seq.getLast(), seq.toString());
            assertEquals(2, d.events.count("w", EventType.HOOK_SUCCESS));
        }
        for (String target : List.of("java:t.Hooks#no", "java:t.Hooks#boom")) {
            try (ArbiterFixture d = daemon("hooks.before_spawn = " + target)) {
                assertEquals(WatcherState.STOPPED, started(d), target);
                assertEquals(0, d.events.count("w", EventType.SPAWN), target);
            }
        }
    }

    @Test
    void afterSpawnGetsThePidAndFalseKillsTheProcessWithoutASpawnEvent() throws Exception {
        try (ArbiterFixture d = daemon("hooks.after_spawn = java:t.Hooks#yes")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            List<Long> pids = d.watcher("w").pids();
            List<String> calls = callsOf("after_spawn");
            assertEquals(2, calls.size());
            for (long pid : pids) {
                assertTrue(calls.stream().anyMatch(c -> c.contains(" pid=" + pid + " ")), calls + " " + pids);
            }
            // The spawn event follows the hook's success, as in Circus.
            List<EventType> seq = d.events.sequence("w");
            assertTrue(seq.indexOf(EventType.HOOK_SUCCESS) < seq.indexOf(EventType.SPAWN), seq.toString());
        }
        for (String target : List.of("java:t.Hooks#no", "java:t.Hooks#boom")) {
            try (ArbiterFixture d = daemon("hooks.after_spawn = " + target)) {
                assertEquals(WatcherState.STOPPED, started(d), target);
                assertEquals(0, d.events.count("w", EventType.SPAWN), target);
                for (String call : callsOf("after_spawn")) {
                    long pid = Long.parseLong(call.replaceAll(".* pid=(\\d+) .*", "$1"));
                    Pids.awaitDead(pid);
                }
            }
        }
    }

    @Test
    void stopHooksRunAroundTheStopAndTheirFailuresNeverPreventIt() throws Exception {
        for (String target : List.of("java:t.Hooks#yes", "java:t.Hooks#no", "java:t.Hooks#boom")) {
            try (ArbiterFixture d = daemon("hooks.before_stop = " + target, "hooks.after_stop = " + target)) {
                assertEquals(WatcherState.ACTIVE, started(d));
                List<Long> pids = d.watcher("w").pids();
                assertTrue(join(d.watcher("w").stop()));
                assertEquals(WatcherState.STOPPED, d.watcher("w").state(), target);
                pids.forEach(pid -> assertFalse(Pids.alive(pid)));
                List<EventType> seq = d.events.sequence("w");
                // Circus: before_stop, the kills and reaps, stop, then after_stop.
                int stop = seq.indexOf(EventType.STOP);
                int firstKill = seq.indexOf(EventType.KILL);
                assertTrue(firstKill > 0 && seq.get(firstKill - 1).name().startsWith("HOOK_"), seq.toString());
                assertTrue(seq.get(stop + 1).name().startsWith("HOOK_"), seq.toString());
            }
        }
    }

    @Test
    void beforeSignalFalseVetoesTheStopSignalSoSigkillFollows() throws Exception {
        try (ArbiterFixture d = daemon("graceful_timeout = 1", "hooks.before_signal = java:t.Hooks#no",
                "hooks.after_signal = java:t.Hooks#yes")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            List<Long> pids = d.watcher("w").pids();
            assertTrue(join(d.watcher("w").stop()));
            for (Event reap : d.events.of("w", EventType.REAP)) {
                assertEquals(-9, reap.fields().get("exit_code"), "the vetoed SIGTERM was not sent: " + reap);
            }
            for (long pid : pids) {
                assertTrue(callsOf("before_signal").stream().anyMatch(c -> c.contains(" pid=" + pid + " signum=15 ")));
                assertTrue(callsOf("after_signal").stream().anyMatch(c -> c.contains(" pid=" + pid + " signum=15 ")));
                // SIGKILL does not wait for before_signal: the hook may still be on its way after the stop.
                Await.until("before_signal for SIGKILL of " + pid, () -> callsOf("before_signal").stream()
                        .anyMatch(c -> c.contains(" pid=" + pid + " signum=9 ")));
            }
            // The kill event is published even when the signal was vetoed (Circus).
            assertTrue(d.events.count("w", EventType.KILL) >= 2);
        }
    }

    @Test
    void theSignalCommandRunsTheSignalHooksAndAVetoHoldsExceptForSigkill() throws Exception {
        try (ArbiterFixture d = daemon("numprocesses = 1", "hooks.before_signal = java:t.Hooks#no",
                "hooks.after_signal = java:t.Counting")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            long pid = d.watcher("w").pids().getFirst();
            assertEquals(List.of(), join(d.watcher("w").signal(io.circus.process.Signal.TERM, pid, false, false)));
            assertTrue(Pids.alive(pid), "the vetoed SIGTERM was not sent");
            Await.until("after_signal ran", () -> callsOf("after_signal").stream()
                    .anyMatch(c -> c.contains(" pid=" + pid + " signum=15 ")));
            assertEquals(List.of(pid), join(d.watcher("w").signal(io.circus.process.Signal.KILL, pid, false, false)));
            Pids.awaitDead(pid);
        }
    }

    @Test
    void failingSignalHooksAreIgnoredByDefault() throws Exception {
        try (ArbiterFixture d = daemon("hooks.before_signal = java:t.Hooks#boom", "hooks.after_signal = java:t.Hooks#boom")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            assertTrue(join(d.watcher("w").stop()));
            for (Event reap : d.events.of("w", EventType.REAP)) {
                assertEquals(-15, reap.fields().get("exit_code"));
            }
            // after_signal is not waited for: its failures may be published after the stop.
            Await.until("two before_signal and two after_signal failures",
                    () -> d.events.count("w", EventType.HOOK_FAILURE) == 4);
        }
    }

    @Test
    void reapHooksTellWhetherTheDaemonStoppedTheProcess() throws Exception {
        try (ArbiterFixture d = daemon("hooks.before_reap = java:t.Hooks#yes", "hooks.after_reap = java:t.Counting")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            long victim = d.watcher("w").pids().getFirst();
            ProcessHandle.of(victim).orElseThrow().destroy();
            Await.until("after_reap of the killed process", () -> callsOf("after_reap").stream()
                    .anyMatch(c -> c.contains(" pid=" + victim + " ")));
            String died = callsOf("after_reap").stream().filter(c -> c.contains(" pid=" + victim + " ")).findFirst().orElseThrow();
            assertTrue(died.contains(" exit=-15 status=DEAD_OR_ZOMBIE "), died);
            Await.until("respawned", () -> d.watcher("w").pids().size() == 2);
            List<Long> pids = d.watcher("w").pids();
            assertTrue(join(d.watcher("w").stop()));
            for (long pid : pids) {
                Await.until("after_reap of " + pid, () -> callsOf("after_reap").stream()
                        .anyMatch(c -> c.contains(" pid=" + pid + " ") && c.contains(" exit=-15 status=null ")));
                assertTrue(callsOf("before_reap").stream().anyMatch(c -> c.contains(" pid=" + pid + " ")));
            }
        }
    }

    @Test
    void aSlowBeforeStartDelaysOnlyItsOwnWatcher() throws Exception {
        try (ArbiterFixture d = HookedDaemon.of(dir, classes.toString(),
                "[watcher:a]", "cmd = sleep 3600", "priority = 10", "hooks.before_start = java:t.Hooks#awaitGo",
                "[watcher:b]", "cmd = sleep 3600", "priority = 1")) {
            var start = d.arbiter.start();
            Await.until("b is active while a's before_start waits", () -> d.watcher("b").state() == WatcherState.ACTIVE);
            assertEquals(1, d.watcher("b").pids().size());
            assertEquals(WatcherState.STARTING, d.watcher("a").state());
            assertTrue(d.watcher("a").pids().isEmpty());
            assertFalse(start.isDone());
            Files.writeString(dir.resolve("go"), "");
            join(start);
            assertEquals(WatcherState.ACTIVE, d.watcher("a").state());
            assertEquals(1, d.watcher("a").pids().size());
        }
    }

    @Test
    void extendedStatsHookAddsToTheStats() throws Exception {
        try (ArbiterFixture d = daemon("hooks.extended_stats = java:t.Hooks#addStats")) {
            assertEquals(WatcherState.ACTIVE, started(d));
            long pid = d.watcher("w").pids().getFirst();
            Map<String, Object> stats = new java.util.HashMap<>(Map.of("cpu", 0.0));
            Map<String, Object> extended = join(d.watcher("w").extendedStats(pid, stats));
            assertEquals(42, extended.get("extra"));
            assertEquals(0.0, extended.get("cpu"));
            assertTrue(callsOf("extended_stats").getFirst().contains(" pid=" + pid + " "));
        }
    }

    @Test
    void setHooksAtRunTimeReplacesTheHookAndRefusesAnUnusableOne() throws Exception {
        try (ArbiterFixture d = daemon()) {
            assertEquals(WatcherState.ACTIVE, started(d));
            join(d.watcher("w").set(Map.of("hooks.before_stop", "java:t.Hooks#yes")));
            var bad = assertThrows(AssertionError.class, () -> join(d.watcher("w").set(Map.of("hooks.after_stop",
                    "java:t.Missing"))));
            assertTrue(bad.getMessage().contains("hooks.after_stop = java:t.Missing: class t.Missing is not found "
                    + "on the extension path"), bad.getMessage());
            assertFalse(d.watcher("w").config().hooks().containsKey("after_stop"), "a refused set changes nothing");
            var notStatic = assertThrows(AssertionError.class, () -> join(d.watcher("w").set(Map.of(
                    "hooks.after_stop", "java:t.Hooks#notStatic"))));
            assertTrue(notStatic.getMessage().contains("t.Hooks#notStatic(io.circus.hook.HookContext) is not static"),
                    notStatic.getMessage());
            var notBoolean = assertThrows(AssertionError.class, () -> join(d.watcher("w").set(Map.of(
                    "hooks.after_stop", "java:t.Hooks#notBoolean"))));
            assertTrue(notBoolean.getMessage().contains("returns void; a hook method returns boolean"),
                    notBoolean.getMessage());
            assertEquals(WatcherState.ACTIVE, d.watcher("w").state(), "hooks change live");
            assertTrue(join(d.watcher("w").stop()));
            assertEquals(1, callsOf("before_stop").size());
        }
    }

    @Test
    void anUnusableHookRefusesTheDaemonNamingWatcherHookAndProblem() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> daemon("hooks.before_start = java:t.Nope").close());
        assertEquals("watcher 'w': hooks.before_start = java:t.Nope: class t.Nope is not found on the extension path ["
                + classes + "] (set [circus] extension_path to the jar or directory that holds it)", e.getMessage());
        var wrong = assertThrows(IllegalArgumentException.class, () -> daemon("hooks.before_start = java:t.Hooks").close());
        assertEquals("watcher 'w': hooks.before_start = java:t.Hooks: class t.Hooks does not implement "
                + "io.circus.hook.Hook", wrong.getMessage());
    }
}
