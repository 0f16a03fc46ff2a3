package io.circus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.process.jdk.JdkLauncher;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The respawn back-off runs on the injected monotonic clock: with the clock held still, a flapping
 * process is respawned once at once, then waits until the clock moves.
 */
class BackoffClockTest {

    @Test
    void aFlappingProcessWaitsForTheInjectedClockBeforeItsSecondRespawn() throws Exception {
        ManualTicker ticker = new ManualTicker();
        EventLog events = new EventLog();
        WatcherConfig flapper = WatcherConfig.builder("flapper", "/bin/sh").args("-c 'exit 7'").build();
        try (JdkLauncher launcher = new JdkLauncher()) {
            ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(flapper)))
                    .launcher(launcher).ticker(ticker).listener(events).build();
            try {
                arbiter.start().get(30, TimeUnit.SECONDS);
                // First exit: immediate respawn. Second exit: back-off of 100 ms on the frozen clock.
                Await.until("two exits", () -> events.count("flapper", EventType.REAP) == 2);
                assertEquals(2, events.count("flapper", EventType.SPAWN), "no third spawn while the clock is frozen");
                ticker.advance(Duration.ofMillis(99));
                arbiter.tickerAdvanced();
                assertEquals(2, events.count("flapper", EventType.SPAWN), "still inside the back-off");
                ticker.advance(Duration.ofMillis(2));
                arbiter.tickerAdvanced();
                Await.until("third spawn after the back-off", () -> events.count("flapper", EventType.SPAWN) == 3);
            } finally {
                arbiter.quit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
