package io.circus.runtime;

import static io.circus.runtime.ArbiterFixture.join;
import static io.circus.testing.Pids.alive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.process.jdk.JdkLauncher;
import io.circus.runtime.core.ArbiterCore;
import io.circus.config.ShellWords;
import io.circus.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Once quit began nothing spawns, and the arbiter never terminates while a child it started runs. */
class QuitRaceTest {

    @TempDir
    Path dir;

    private final JdkLauncher launcher = new JdkLauncher();

    @AfterEach
    void close() {
        launcher.close();
    }

    @Test
    void operationsAskedWhileQuittingSpawnNothing() throws Exception {
        Path ready = dir.resolve("ready");
        // A stop that takes a while (SIGTERM ignored, SIGKILL after 300 ms) leaves room for a queued start.
        String script = "trap '' TERM; touch " + ready + "; while :; do sleep 1; done";
        WatcherConfig slow = WatcherConfig.builder("slow", "/bin/sh").args("-c " + ShellWords.quote(script))
                .gracefulTimeout(Duration.ofMillis(300)).build();
        EventLog events = new EventLog();
        ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(slow))).launcher(launcher)
                .listener(events).build();
        join(arbiter.start());
        Watcher w = arbiter.watcher("slow").orElseThrow();
        Await.until("the trap is set", () -> Files.exists(ready));
        long pid = w.pids().getFirst();

        CompletableFuture<Void> quit = arbiter.quit();
        // Queued after the quit's stop: before the fix each of these spawned after the stop, and the
        // launcher was then closed with the new children still running.
        CompletableFuture<Boolean> start = w.start();
        CompletableFuture<Integer> incr = w.incr(2);
        CompletableFuture<Watcher> added = arbiter.addWatcher(
                WatcherConfig.builder("late", "sleep").args("3600").build(), true);
        CompletableFuture<Void> startAll = arbiter.startAll();

        quit.get(30, TimeUnit.SECONDS);
        assertFalse(alive(pid));
        assertEquals(1, events.count("slow", EventType.SPAWN), "nothing spawned after quit began: " + events.all());
        assertEquals(0, events.count("late", EventType.SPAWN));
        assertFalse(start.get(30, TimeUnit.SECONDS), "the start did not start anything");
        assertThrows(ExecutionException.class, () -> added.get(30, TimeUnit.SECONDS), "no watcher added while quitting");
        assertThrows(ExecutionException.class, () -> startAll.get(30, TimeUnit.SECONDS));
        assertTrue(incr.isDone());
    }

    @Test
    void childrenLeftRunningByRmNostopAreStoppedBeforeTheArbiterTerminates() throws Exception {
        WatcherConfig kept = WatcherConfig.builder("kept", "sleep").args("3600").numProcesses(2).build();
        ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(kept))).launcher(launcher).build();
        join(arbiter.start());
        List<Long> pids = arbiter.watcher("kept").orElseThrow().pids();
        assertEquals(2, pids.size());
        join(arbiter.removeWatcher("kept", false));
        pids.forEach(pid -> assertTrue(alive(pid), "rm --nostop leaves the processes running"));
        arbiter.quit().get(60, TimeUnit.SECONDS);
        // Closing the launcher does not stop children: the arbiter must not terminate before they are gone.
        pids.forEach(pid -> assertFalse(alive(pid), "pid " + pid + " outlived the arbiter"));
    }
}
