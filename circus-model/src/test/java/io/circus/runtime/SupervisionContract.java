package io.circus.runtime;

import static io.circus.runtime.ArbiterFixture.join;
import static io.circus.testing.Pids.alive;
import static io.circus.testing.Pids.awaitDead;
import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.process.ProcessLauncher;
import io.circus.process.Signal;
import io.circus.testing.Await;
import io.circus.testing.Pids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervision core against real processes. Each backend runs the same tests through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SupervisionContract {

    protected ProcessLauncher launcher;

    @TempDir
    Path dir;

    protected abstract ProcessLauncher createLauncher();

    @BeforeAll
    void openLauncher() {
        launcher = createLauncher();
    }

    @AfterAll
    void closeLauncher() {
        launcher.close();
    }

    static WatcherConfig.Builder sh(String name, String script) {
        return WatcherConfig.builder(name, "/bin/sh").args("-c " + io.circus.config.ShellWords.quote(script))
                .gracefulTimeout(Duration.ofSeconds(5));
    }

    @Test
    void startsEveryProcessAndStopsThemWithEventsInOrder() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("sleepers", 3).build()).started()) {
            List<Long> pids = f.awaitPids("sleepers", 3);
            assertEquals(WatcherState.ACTIVE, f.watcher("sleepers").state());
            assertEquals(List.of(1, 2, 3), f.watcher("sleepers").processes().stream().map(SupervisedProcess::wid).toList());
            pids.forEach(pid -> assertTrue(alive(pid), "pid " + pid + " should run"));

            assertTrue(join(f.watcher("sleepers").stop()));
            pids.forEach(pid -> assertFalse(alive(pid), "pid " + pid + " should be gone after stop"));
            assertEquals(WatcherState.STOPPED, f.watcher("sleepers").state());
            assertEquals(List.of(EventType.SPAWN, EventType.SPAWN, EventType.SPAWN, EventType.START,
                    EventType.KILL, EventType.KILL, EventType.KILL,
                    EventType.REAP, EventType.REAP, EventType.REAP, EventType.STOP), f.events.sequence("sleepers"));
            for (Event reap : f.events.of("sleepers", EventType.REAP)) {
                assertEquals("commanded", reap.fields().get("cause"));
                assertEquals(-15, reap.fields().get("exit_code"));
            }
        }
    }

    @Test
    void eventSequenceNumbersStrictlyIncrease() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("a", 2).build(), sleepers("b", 2).build()).started()) {
            join(f.watcher("a").stop());
            long previous = 0;
            for (Event e : f.events.all()) {
                assertTrue(e.seq() > previous, "seq must increase: " + f.events.all());
                previous = e.seq();
            }
            assertEquals(f.arbiter.lastEventSeq(), previous);
        }
    }

    @Test
    void aCrashedProcessIsRespawnedInTheSameSlotWithItsExitCode() {
        Path marker = dir.resolve("crash-once");
        String script = "if [ -e " + marker + " ]; then exec sleep 3600; else touch " + marker + "; exit 3; fi";
        try (ArbiterFixture f = new ArbiterFixture(launcher, sh("crasher", script).build()).started()) {
            Event reap = f.events.await("crasher", EventType.REAP, e -> true);
            assertEquals(3, reap.fields().get("exit_code"));
            assertEquals("crashed", reap.fields().get("cause"));
            assertEquals(1, reap.wid());
            List<Long> pids = f.awaitPids("crasher", 1);
            assertNotEquals(reap.pid(), pids.getFirst());
            SupervisedProcess slot = f.watcher("crasher").processes().getFirst();
            assertEquals(1, slot.wid());
            assertEquals(1, slot.restarts());
            assertEquals(3, slot.lastExit().code());
            assertEquals(1, f.watcher("crasher").restartCount());
            assertEquals(3, f.watcher("crasher").lastExitCode());
        }
    }

    @Test
    void aProcessKilledFromOutsideIsReportedWithItsSignalAndRespawned() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("victim", 1).build()).started()) {
            long pid = f.awaitPids("victim", 1).getFirst();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            Event reap = f.events.await("victim", EventType.REAP, e -> e.pid() == pid);
            assertEquals("signalled", reap.fields().get("cause"));
            assertEquals(-9, reap.fields().get("exit_code"));
            assertEquals(9, reap.fields().get("signal"));
            Await.until("a new pid", () -> f.watcher("victim").pids().size() == 1 && f.watcher("victim").pids().getFirst() != pid);
        }
    }

    @Test
    void incrAddsAndDecrStopsTheOldestProcesses() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("pool", 2).build()).started()) {
            List<Long> first = f.awaitPids("pool", 2);
            assertEquals(4, join(f.watcher("pool").incr(2)));
            List<Long> four = f.awaitPids("pool", 4);
            assertTrue(four.containsAll(first));
            assertEquals(1, join(f.watcher("pool").decr(3)));
            List<Long> left = f.watcher("pool").pids();
            assertEquals(1, left.size());
            assertFalse(first.contains(left.getFirst()), "the oldest processes go first");
            first.forEach(Pids::awaitDead);
            assertEquals(1, f.watcher("pool").config().numProcesses());
        }
    }

    @Test
    void aSingletonIgnoresIncr() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("single", 1).singleton(true).build()).started()) {
            f.awaitPids("single", 1);
            assertEquals(1, join(f.watcher("single").incr(1)));
            assertEquals(1, f.watcher("single").pids().size());
        }
    }

    @Test
    void aProcessIgnoringTheStopSignalIsKilledAfterGracefulTimeout() {
        Path ready = dir.resolve("stubborn-ready");
        WatcherConfig stubborn = sh("stubborn", "trap '' TERM; touch " + ready + "; while :; do sleep 1; done")
                .gracefulTimeout(Duration.ofMillis(300)).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, stubborn).started()) {
            long pid = f.awaitPids("stubborn", 1).getFirst();
            Await.until("the trap is set", () -> Files.exists(ready));
            join(f.watcher("stubborn").stop());
            Event reap = f.events.await("stubborn", EventType.REAP, e -> e.pid() == pid);
            assertEquals("timed_out", reap.fields().get("cause"));
            assertEquals(-9, reap.fields().get("exit_code"));
            List<Event> kills = f.events.of("stubborn", EventType.KILL);
            assertEquals(List.of(15, 9), kills.stream().map(e -> e.fields().get("signal")).toList());
        }
    }

    @Test
    void stoppingAWatcherLeavesNoDescendantAlive() throws IOException {
        Path pids = dir.resolve("grandchildren");
        String script = "trap '' TERM; sleep 3600 & echo $! >> " + pids + "; sleep 3600 & echo $! >> " + pids + "; wait";
        for (boolean stopChildren : new boolean[] {true, false}) {
            Files.deleteIfExists(pids);
            WatcherConfig tree = sh("tree", script).stopChildren(stopChildren).gracefulTimeout(Duration.ofMillis(500)).build();
            try (ArbiterFixture f = new ArbiterFixture(launcher, tree).started()) {
                f.awaitPids("tree", 1);
                Await.until("two grandchildren", () -> lines(pids).size() == 2);
                join(f.watcher("tree").stop());
                for (String pid : lines(pids)) {
                    awaitDead(Long.parseLong(pid.strip()));
                }
            }
        }
    }

    @Test
    void withoutRespawnTheWatcherStopsWhenItsLastProcessExits() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sh("oneshot", "exit 0").respawn(false).build()).started()) {
            f.events.await("oneshot", EventType.STOP, e -> true);
            assertEquals(WatcherState.STOPPED, f.watcher("oneshot").state());
            assertEquals("exited", f.events.of("oneshot", EventType.REAP).getFirst().fields().get("cause"));
            assertEquals(1, f.events.count("oneshot", EventType.SPAWN));
        }
    }

    @Test
    void aMissingProgramIsRetriedMaxRetryTimesThenTheWatcherStops() {
        WatcherConfig missing = WatcherConfig.builder("missing", "/nonexistent/bin/prog").maxRetry(3).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, missing).started()) {
            assertEquals(WatcherState.STOPPED, f.watcher("missing").state());
            assertEquals(3, f.events.count("missing", EventType.SPAWN_FAILED));
            assertEquals(0, f.events.count("missing", EventType.SPAWN));
            assertEquals(0, f.events.count("missing", EventType.START));
            assertEquals(1, f.events.count("missing", EventType.STOP));
        }
    }

    @Test
    void watchersStartByPriorityAndAutostartFalseStaysStopped() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("low", 1).priority(1).build(),
                sleepers("high", 1).priority(10).build(), sleepers("manual", 1).autostart(false).build()).started()) {
            long highStart = f.events.of("high", EventType.START).getFirst().seq();
            long lowStart = f.events.of("low", EventType.START).getFirst().seq();
            assertTrue(highStart < lowStart, "priority 10 starts before priority 1");
            assertEquals(WatcherState.STOPPED, f.watcher("manual").state());
            assertTrue(join(f.watcher("manual").start()));
            assertEquals(1, f.watcher("manual").pids().size());
            assertFalse(join(f.watcher("manual").start()), "a second start keeps the running processes");
        }
    }

    @Test
    void warmupDelaySpacesTheSpawns() {
        WatcherConfig w = sleepers("warm", 3).warmupDelay(Duration.ofMillis(200)).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            List<Event> spawns = f.events.of("warm", EventType.SPAWN);
            assertEquals(3, spawns.size());
            for (int i = 1; i < spawns.size(); i++) {
                long gap = spawns.get(i).epochMillis() - spawns.get(i - 1).epochMillis();
                assertTrue(gap >= 190, "spawns must be at least warmup_delay apart, got " + gap + " ms");
            }
        }
    }

    @Test
    void maxAgeReplacesProcesses() {
        WatcherConfig w = sleepers("aging", 2).maxAge(Duration.ofMillis(300)).maxAgeVariance(Duration.ZERO).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            List<Long> first = f.awaitPids("aging", 2);
            Await.until("both processes replaced", () -> {
                List<Long> now = f.watcher("aging").pids();
                return now.size() == 2 && now.stream().noneMatch(first::contains);
            });
            first.forEach(Pids::awaitDead);
            assertEquals(0, f.watcher("aging").restartCount(), "an age replacement is not a crash");
        }
    }

    @Test
    void environmentAndWorkingDirectoryReachTheChild() throws IOException {
        Path out = dir.resolve("env.txt");
        WatcherConfig w = sh("envy", "echo \"$FOO|$(pwd)|$PATH_SEEN\" > " + out + "; exec sleep 3600")
                .env(Map.of("FOO", "bar baz", "PATH", "/usr/bin:/bin"))
                .workingDir(dir.toString()).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            Await.until("the child wrote its environment", () -> Files.exists(out) && !lines(out).isEmpty());
            assertEquals("bar baz|" + dir.toRealPath() + "|", lines(out).getFirst());
        }
    }

    @Test
    void copyEnvGivesTheDaemonEnvironment() throws IOException {
        Path out = dir.resolve("home.txt");
        WatcherConfig w = sh("copy", "echo \"$HOME\" > " + out + "; exec sleep 3600").copyEnv(true).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            Await.until("the child wrote HOME", () -> Files.exists(out) && !lines(out).isEmpty());
            assertEquals(System.getenv("HOME"), lines(out).getFirst());
        }
    }

    @Test
    void aShellCommandRunsAsWrittenWithTheWid() throws IOException {
        Path out = dir.resolve("shell.txt");
        WatcherConfig w = WatcherConfig.builder("shelly", "echo one > " + out + " && echo wid=$(circus.wid) >> " + out
                + " && exec sleep 3600").shell(true).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            Await.until("the shell wrote two lines", () -> Files.exists(out) && lines(out).size() == 2);
            assertEquals(List.of("one", "wid=1"), lines(out));
        }
    }

    @Test
    void aGracefulReloadReplacesEveryProcessNewOnesFirst() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("web", 2).build()).started()) {
            List<Long> old = f.awaitPids("web", 2);
            join(f.watcher("web").reload(true, false));
            List<Long> now = f.watcher("web").pids();
            assertEquals(2, now.size());
            assertTrue(now.stream().noneMatch(old::contains));
            assertEquals(List.of(3, 4), f.watcher("web").processes().stream().map(SupervisedProcess::wid).toList());
            old.forEach(Pids::awaitDead);
            List<EventType> seq = f.events.sequence("web");
            assertEquals(EventType.RELOAD, seq.getLast());
            int firstKill = seq.indexOf(EventType.KILL);
            assertEquals(4, seq.subList(0, firstKill).stream().filter(t -> t == EventType.SPAWN).count(),
                    "new processes spawn before old ones are killed: " + seq);
        }
    }

    @Test
    void sendHupReloadSignalsInPlace() throws IOException {
        Path out = dir.resolve("hup.txt");
        WatcherConfig w = sh("hupper", "trap 'echo hup >> " + out + "' HUP; echo ready >> " + out
                + "; while :; do sleep 1 & wait $!; done").sendHup(true).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            long pid = f.awaitPids("hupper", 1).getFirst();
            Await.until("ready", () -> Files.exists(out) && lines(out).contains("ready"));
            join(f.watcher("hupper").reload(true, false));
            Await.until("HUP received", () -> lines(out).contains("hup"));
            assertEquals(List.of(pid), f.watcher("hupper").pids());
        }
    }

    @Test
    void signalReachesTheProcess() throws IOException {
        Path out = dir.resolve("usr1.txt");
        WatcherConfig w = sh("sig", "trap 'echo usr1 >> " + out + "' USR1; echo ready >> " + out
                + "; while :; do sleep 1 & wait $!; done").build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            long pid = f.awaitPids("sig", 1).getFirst();
            Await.until("ready", () -> Files.exists(out) && lines(out).contains("ready"));
            assertEquals(List.of(pid), join(f.watcher("sig").signal(Signal.USR1, 0, false, false)));
            Await.until("USR1 received", () -> lines(out).contains("usr1"));
        }
    }

    @Test
    void killReplacesTheProcessWhileTheWatcherIsActive() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("k", 2).build()).started()) {
            List<Long> pids = f.awaitPids("k", 2);
            assertEquals(List.of(pids.getFirst()), join(f.watcher("k").kill(pids.getFirst(), Signal.KILL, null)));
            Await.until("replaced", () -> f.watcher("k").pids().size() == 2 && !f.watcher("k").pids().contains(pids.getFirst()));
            assertTrue(f.watcher("k").pids().contains(pids.get(1)));
        }
    }

    @Test
    void watchersAreAddedAndRemovedAtRunTime() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("base", 1).build()).started()) {
            Watcher added = join(f.arbiter.addWatcher(sleepers("extra", 2).build(), true));
            List<Long> pids = f.awaitPids("extra", 2);
            assertEquals(List.of(EventType.ADD, EventType.SPAWN, EventType.SPAWN, EventType.START),
                    f.events.sequence("extra"));
            assertEquals(added, f.arbiter.watcher("EXTRA").orElseThrow(), "look-ups ignore case");
            join(f.arbiter.removeWatcher("extra", true));
            assertTrue(f.arbiter.watcher("extra").isEmpty());
            pids.forEach(Pids::awaitDead);
            assertEquals(EventType.REMOVE, f.events.sequence("extra").get(4));
        }
    }

    @Test
    void aSlowStopOfOneWatcherDoesNotDelayAnother() {
        Path ready = dir.resolve("slow-ready");
        WatcherConfig slow = sh("slow", "trap '' TERM; touch " + ready + "; while :; do sleep 1; done")
                .gracefulTimeout(Duration.ofHours(1)).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, slow, sleepers("fast", 1).build()).started()) {
            f.awaitPids("slow", 1);
            Await.until("the trap is set", () -> Files.exists(ready));
            CompletableFuture<Boolean> stopping = f.watcher("slow").stop();
            Await.until("slow is stopping", () -> f.watcher("slow").state() == WatcherState.STOPPING);
            assertEquals(3, join(f.watcher("fast").incr(2)));
            assertEquals(3, f.watcher("fast").pids().size());
            assertFalse(stopping.isDone(), "the slow stop is still waiting for its graceful timeout");
            join(f.watcher("slow").kill(0, Signal.KILL, Duration.ZERO));
            join(stopping);
        }
    }

    @Test
    void killCutsASlowStopShort() {
        // The stop waits an hour for a process that ignores SIGTERM; the kill must not queue behind it.
        Path ready = dir.resolve("stuck-ready");
        WatcherConfig stuck = sh("stuck", "trap '' TERM; touch " + ready + "; while :; do sleep 1; done")
                .gracefulTimeout(Duration.ofHours(1)).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, stuck).started()) {
            long pid = f.awaitPids("stuck", 1).getFirst();
            Await.until("the trap is set", () -> Files.exists(ready));
            CompletableFuture<Boolean> stopping = f.watcher("stuck").stop();
            Await.until("stuck is stopping", () -> f.watcher("stuck").state() == WatcherState.STOPPING);
            assertEquals(List.of(pid), join(f.watcher("stuck").kill(0, Signal.KILL, Duration.ofMillis(100))));
            assertTrue(join(stopping), "the stop ended with the kill, not after graceful_timeout");
            assertEquals(WatcherState.STOPPED, f.watcher("stuck").state());
            assertFalse(alive(pid));
            assertEquals(List.of(15, 9), f.events.of("stuck", EventType.KILL).stream()
                    .map(e -> e.fields().get("signal")).toList());
            assertEquals(0, f.watcher("stuck").processes().size(), "a kill during a stop respawns nothing");
        }
    }

    @Test
    void aSequentialReloadReplacesOneProcessAtATime() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("seq", 3).build()).started()) {
            List<Long> old = f.awaitPids("seq", 3);
            int before = f.events.sequence("seq").size();
            join(f.watcher("seq").reload(true, true));
            List<EventType> reload = f.events.sequence("seq").subList(before, f.events.sequence("seq").size());
            assertEquals(List.of(EventType.SPAWN, EventType.KILL, EventType.REAP,
                    EventType.SPAWN, EventType.KILL, EventType.REAP,
                    EventType.SPAWN, EventType.KILL, EventType.REAP, EventType.RELOAD), reload,
                    "each old process stops only after its replacement runs, one at a time");
            List<Long> now = f.watcher("seq").pids();
            assertEquals(3, now.size());
            assertTrue(now.stream().noneMatch(old::contains));
            old.forEach(Pids::awaitDead);
        }
    }

    @Test
    void aStopDuringASpawnWaitsForItAndStopsTheNewProcess() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ScriptedLauncher gated = new ScriptedLauncher(launcher).then(() -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (ArbiterFixture f = new ArbiterFixture(gated, sleepers("gated", 1).build())) {
            CompletableFuture<Void> start = f.arbiter.start();
            assertTrue(entered.await(30, java.util.concurrent.TimeUnit.SECONDS));
            CompletableFuture<Boolean> stop = f.watcher("gated").stop();
            Await.until("the stop waits for the spawn", () -> f.watcher("gated").state() == WatcherState.STOPPING
                    || f.watcher("gated").processes().stream().anyMatch(p -> p.state() == ProcessState.SPAWNING));
            assertFalse(stop.isDone(), "the stop cannot end while a spawn is under way");
            release.countDown();
            join(stop); // false: the start, cut short, already stopped what it had spawned
            join(start);
            Event spawn = f.events.await("gated", EventType.SPAWN, e -> true);
            assertFalse(alive(spawn.pid()), "when the stop completes the process spawned meanwhile is gone");
            assertEquals(WatcherState.STOPPED, f.watcher("gated").state());
            assertEquals("commanded", f.events.of("gated", EventType.REAP).getFirst().fields().get("cause"));
            assertEquals(0, f.events.count("gated", EventType.START), "a start cut short by a stop never became active");
        }
    }

    @Test
    void anOperationQueuedDuringAStartRunsAfterIt() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("q", 2).autostart(false).build()).started()) {
            CompletableFuture<Boolean> start = f.watcher("q").start();
            CompletableFuture<Integer> incr = f.watcher("q").incr(1);
            assertTrue(join(start));
            assertEquals(3, join(incr));
            assertEquals(3, f.awaitPids("q", 3).size());
        }
    }

    @Test
    void everyLineReachesTheConfiguredStreamsBeforeTheStopEvent() throws IOException {
        Path out = dir.resolve("out.log");
        Path err = dir.resolve("err.log");
        WatcherConfig w = sh("talker", "i=0; while [ $i -lt 5000 ]; do echo line $i; echo err $i >&2; i=$((i+1)); done; printf tail")
                .respawn(false)
                .stdoutStream(new io.circus.config.StreamConfig("FileStream", Map.of("filename", out.toString())))
                .stderrStream(new io.circus.config.StreamConfig("FileStream", Map.of("filename", err.toString())))
                .build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            f.events.await("talker", EventType.STOP, e -> true);
            List<String> lines = Files.readAllLines(out);
            assertEquals(5001, lines.size());
            assertEquals("line 0", lines.getFirst());
            assertEquals("line 4999", lines.get(4999));
            assertEquals("tail", lines.getLast(), "a last line without newline is kept");
            assertEquals(5000, Files.readAllLines(err).size());
        }
    }

    @Test
    void closeChildStdoutDiscardsEvenWithAStream() throws IOException {
        Path out = dir.resolve("closed.log");
        WatcherConfig w = sh("quiet", "echo hidden; exit 0").respawn(false).closeChildStdout(true)
                .stdoutStream(new io.circus.config.StreamConfig("FileStream", Map.of("filename", out.toString())))
                .build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, w).started()) {
            f.events.await("quiet", EventType.STOP, e -> true);
            assertEquals(List.of(), lines(out));
        }
    }

    static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : new ArrayList<>();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
