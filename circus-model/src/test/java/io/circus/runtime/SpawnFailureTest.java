package io.circus.runtime;

import static io.circus.runtime.ArbiterFixture.join;
import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.process.jdk.JdkLauncher;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spawns that fail: with an Error, for want of a resource, and while a stop is pending. */
class SpawnFailureTest {

    private static final int EMFILE = 24;
    private static final int ENOENT = 2;

    private final JdkLauncher real = new JdkLauncher();

    @AfterEach
    void close() {
        real.close();
    }

    @Test
    void anErrorThrownBySpawnFailsTheSpawnInsteadOfLeavingTheSlotSpawning() throws Exception {
        ScriptedLauncher launcher = new ScriptedLauncher(real).then(() -> {
            throw new LinkageError("native library went away");
        });
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("broken", 1).build())) {
            // Before: the spawner thread died with the Error, the slot stayed SPAWNING and start never ended.
            join(f.arbiter.start());
            assertEquals(WatcherState.STOPPED, f.watcher("broken").state());
            assertEquals(1, f.events.count("broken", EventType.SPAWN_FAILED));
            assertTrue(((String) f.events.of("broken", EventType.SPAWN_FAILED).getFirst().fields().get("error"))
                    .contains("native library went away"));
            assertTrue(f.watcher("broken").processes().isEmpty());
            // The spawner survived: the next start works.
            assertTrue(join(f.watcher("broken").start()));
            assertEquals(1, f.awaitPids("broken", 1).size());
        }
    }

    @Test
    void tooManyOpenFilesBacksOffWithoutStoppingTheWatcherAndKeepsWhatRuns() throws Exception {
        ManualTicker ticker = new ManualTicker();
        ScriptedLauncher launcher = new ScriptedLauncher(real);
        launcher.then(() -> { }); // wid 1 spawns
        for (int i = 0; i < 3; i++) {
            launcher.failWith(EMFILE, "cannot watch pid: pidfd_open: Too many open files");
        }
        EventLog events = new EventLog();
        // max_retry = 1: a resource shortage must not count against it.
        WatcherConfig w = sleepers("many", 2).maxRetry(1).build();
        ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(w))).launcher(launcher).ticker(ticker)
                .listener(events).build();
        try {
            arbiter.start().get(30, TimeUnit.SECONDS);
            Watcher many = arbiter.watcher("many").orElseThrow();
            assertEquals(WatcherState.ACTIVE, many.state(), "the processes that can run keep running");
            assertEquals(1, many.pids().size());
            assertTrue(many.backoff().backingOff(), "visible in status");
            assertTrue(many.backoff().reason().contains("Too many open files"), many.backoff().reason());
            assertEquals(100, many.backoff().delayMillis());
            assertEquals(1, events.count("many", EventType.BACKOFF));
            long failures = 1;
            for (long delay : new long[] {100, 200, 400}) {
                long seen = failures;
                // The retry's timer is armed on the loop after the failure comes back from the spawner thread.
                Await.until("failure " + seen, () -> events.count("many", EventType.SPAWN_FAILED) == seen);
                arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS);
                ticker.advance(Duration.ofMillis(delay));
                arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS);
                failures++;
            }
            Await.until("the retried slot runs", () -> many.pids().size() == 2);
            assertEquals(3, events.count("many", EventType.SPAWN_FAILED));
            assertEquals(0, events.count("many", EventType.STOP), "never stopped wholesale");
            arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS); // the stability timer is armed
            ticker.advance(Duration.ofSeconds(1));
            arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS);
            events.await("many", EventType.RECOVERED, e -> true);
            assertFalse(many.backoff().backingOff());
        } finally {
            arbiter.quit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRetryAfterAFailedSpawnGivesWayToAPendingStop() throws Exception {
        ManualTicker ticker = new ManualTicker();
        // max_retry = -1: retries back off (0, then 100 ms); the second failure leaves a 100 ms wait.
        ScriptedLauncher launcher = new ScriptedLauncher(real)
                .failWith(ENOENT, "cannot start x: not found").failWith(ENOENT, "cannot start x: not found");
        EventLog events = new EventLog();
        WatcherConfig w = sleepers("retry", 1).maxRetry(-1).build();
        ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(w))).launcher(launcher).ticker(ticker)
                .listener(events).build();
        try {
            CompletableFuture<Void> start = arbiter.start();
            Await.until("two failed attempts", () -> events.count("retry", EventType.SPAWN_FAILED) == 2);
            CompletableFuture<Boolean> stop = arbiter.watcher("retry").orElseThrow().stop();
            arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS); // the stop is in
            ticker.advance(Duration.ofMillis(100));
            arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS);
            start.get(30, TimeUnit.SECONDS);
            stop.get(30, TimeUnit.SECONDS);
            assertEquals(0, events.count("retry", EventType.SPAWN), "the retry saw the stop and spawned nothing");
            assertEquals(2, launcher.calls());
            assertEquals(WatcherState.STOPPED, arbiter.watcher("retry").orElseThrow().state());
        } finally {
            arbiter.quit().get(30, TimeUnit.SECONDS);
        }
    }
}
