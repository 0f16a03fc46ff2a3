package io.circus.process.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.runtime.EventLog;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the event loop fails, the daemon stops its children in order and says so, instead of abandoning them. */
class BackendFailureTest {

    @Test
    void theArbiterStopsEveryChildCleanlyAndRecordsWhyWhenEpollWaitFails() throws Exception {
        try (LinuxFfmLauncher launcher = LinuxFfmLauncher.create()) {
            EventLog events = new EventLog();
            WatcherConfig w = WatcherConfig.builder("victims", "sleep").args("3600").numProcesses(3)
                    .gracefulTimeout(Duration.ofSeconds(10)).build();
            ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(w))).launcher(launcher)
                    .listener(events).build();
            try {
                arbiter.start().get(30, TimeUnit.SECONDS);
                List<Long> pids = arbiter.watcher("victims").orElseThrow().pids();
                assertEquals(3, pids.size());
                launcher.failNextWait(LinuxConstants.EBADF);
                arbiter.terminated().get(30, TimeUnit.SECONDS);
                assertNotNull(arbiter.failure(), "the arbiter says why it quit");
                assertTrue(arbiter.failure().contains("epoll_wait"), arbiter.failure());
                for (long pid : pids) {
                    Await.until("pid " + pid + " stopped", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
                }
                List<Event> reaps = events.of("victims", EventType.REAP);
                assertEquals(3, reaps.size(), "every exit was seen: " + events.all());
                reaps.forEach(r -> assertEquals("commanded", r.fields().get("cause"), "stopped with stop_signal: " + r));
            } finally {
                arbiter.quit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
