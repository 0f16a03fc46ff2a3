package io.circus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.process.jdk.JdkLauncher;
import io.circus.runtime.core.ArbiterCore;
import io.circus.config.ShellWords;
import io.circus.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The respawn back-off runs on the injected monotonic clock. With the clock held still nothing that
 * is due later can happen, and {@link ArbiterCore#tickerAdvanced()} completes only once every timer
 * due now has run, so "no respawn yet" is checked after the respawn would have been started, not
 * before it could have been.
 */
class BackoffClockTest {

    @TempDir
    Path dir;

    /** 0, then 100 ms doubling up to check_delay (5 s by default), then 5 s again. */
    private static final List<Long> EXPECTED_DELAYS = List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L);

    @Test
    void aCrashLoopBacksOffUpToTheCapResetsAfterAStableRunAndLogsOnceEachWay() throws Exception {
        ManualTicker ticker = new ManualTicker();
        EventLog events = new EventLog();
        Path stable = dir.resolve("stable");
        String script = "if [ -e " + stable + " ]; then exec sleep 3600; else exit 7; fi";
        WatcherConfig flapper = WatcherConfig.builder("flapper", "/bin/sh").args("-c " + ShellWords.quote(script))
                .gracefulTimeout(Duration.ofSeconds(5)).build();
        try (JdkLauncher launcher = new JdkLauncher(); LogCapture log = new LogCapture()) {
            ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(flapper)))
                    .launcher(launcher).ticker(ticker).listener(events).build();
            Watcher w = arbiter.watcher("flapper").orElseThrow();
            try {
                arbiter.start().get(30, TimeUnit.SECONDS);
                // The first exit is respawned at once, on a frozen clock.
                Await.until("two spawns", () -> events.count("flapper", EventType.SPAWN) == 2);
                int spawns = 2;
                for (int i = 0; i < EXPECTED_DELAYS.size(); i++) {
                    long delay = EXPECTED_DELAYS.get(i);
                    int exits = spawns;
                    Await.until("exit " + exits, () -> events.count("flapper", EventType.REAP) == exits);
                    arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS);
                    assertTrue(w.backoff().backingOff(), "backing off after exit " + exits);
                    assertEquals(delay, w.backoff().delayMillis(), "delay after exit " + exits);
                    assertTrue(w.backoff().nextRetryEpochMillis() > 0, "the next retry is announced");
                    assertEquals(WatcherState.ACTIVE, w.state(), "Circus's status word stays active");

                    ticker.advance(Duration.ofMillis(delay - 1));
                    arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS);
                    assertEquals(ProcessState.EXITED, w.processes().getFirst().state(),
                            "1 ms before the delay ends nothing was started");
                    assertEquals(spawns, events.count("flapper", EventType.SPAWN));

                    if (i == EXPECTED_DELAYS.size() - 1) {
                        Files.createFile(stable); // the next process stays up
                    }
                    ticker.advance(Duration.ofMillis(1));
                    arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS);
                    int next = ++spawns;
                    Await.until("spawn " + next + " once the delay is over",
                            () -> events.count("flapper", EventType.SPAWN) == next);
                }
                assertEquals(1, events.count("flapper", EventType.BACKOFF), "one backoff event for the whole loop");
                Event backoff = events.of("flapper", EventType.BACKOFF).getFirst();
                assertTrue(backoff.seq() > events.of("flapper", EventType.REAP).get(1).seq(),
                        "the immediate respawn after the first exit is no back-off");
                assertTrue(((String) backoff.fields().get("reason")).contains("code 7"), backoff.toString());

                // Stable for a second of ticker time: recovered, and the delay is reset.
                long pid = Await.value("a stable process", () -> w.pids().isEmpty() ? null : w.pids().getFirst());
                arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS); // its stability timer is armed
                ticker.advance(Duration.ofSeconds(1));
                arbiter.tickerAdvanced().get(30, TimeUnit.SECONDS);
                events.await("flapper", EventType.RECOVERED, e -> "stable".equals(e.fields().get("reason")));
                assertFalse(w.backoff().backingOff());
                assertEquals(BackoffStatus.NONE, w.backoff());

                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                int afterKill = spawns + 1;
                Await.until("respawned at once after a reset, on the frozen clock",
                        () -> events.count("flapper", EventType.SPAWN) == afterKill);
                assertNotEquals(pid, Await.value("new pid", () -> w.pids().isEmpty() ? null : w.pids().getFirst()));

                // Ten exits, one WARN when the back-off began and one INFO when it ended.
                assertEquals(1, log.lines(Level.WARN, "flapper").size(), log.lines(Level.INFO, "flapper").toString());
                assertEquals(1, log.lines(Level.INFO, "recovered").size());
                List<String> exitLines = log.lines(Level.INFO, "flapper: pid");
                assertTrue(exitLines.size() <= 2, "exits in the loop are not logged one by one: " + exitLines);
                assertTrue(log.lines(Level.DEBUG, "flapper").size() > EXPECTED_DELAYS.size(), "DEBUG keeps the detail");
            } finally {
                arbiter.quit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
