package io.circus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.process.jdk.JdkLauncher;
import io.circus.runtime.core.ArbiterCore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A client that reacts to the {@code backoff} or {@code recovered} event reads the watcher's back-off
 * status without going through the loop: the status must already say what the event says when the
 * event is published, or a quick client sees the previous state (a flaky status check over ZeroMQ).
 */
class BackoffEventOrderTest {

    @Test
    void theStatusAgreesWithTheBackoffEventsWhenTheyArePublished() throws Exception {
        WatcherConfig crasher = WatcherConfig.builder("crasher", "/bin/sh").args("-c 'exit 7'").build();
        EventLog events = new EventLog();
        AtomicReference<Watcher> watcher = new AtomicReference<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (JdkLauncher launcher = new JdkLauncher()) {
            ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(crasher)))
                    .launcher(launcher).listener(events).listener(e -> {
                        // Called on the supervisor loop, in the middle of publishing.
                        if (e.type() == EventType.BACKOFF || e.type() == EventType.RECOVERED) {
                            seen.add(e.type() + " backingOff=" + watcher.get().backoff().backingOff());
                        }
                    }).build();
            watcher.set(arbiter.watcher("crasher").orElseThrow());
            try {
                arbiter.start().get(30, TimeUnit.SECONDS);
                events.await("crasher", EventType.BACKOFF, e -> true);
                watcher.get().stop().get(30, TimeUnit.SECONDS);
                events.await("crasher", EventType.RECOVERED, e -> true);
                assertEquals(List.of("BACKOFF backingOff=true", "RECOVERED backingOff=false"), seen);
            } finally {
                arbiter.quit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
