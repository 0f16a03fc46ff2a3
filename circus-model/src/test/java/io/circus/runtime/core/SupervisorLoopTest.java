package io.circus.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circus.testing.Await;
import io.circus.time.Ticker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's idle hook, which hands the event listeners' runs to their threads: it runs when the
 * loop has no task left, not between the tasks of a run, and after the last tasks at shutdown.
 */
class SupervisorLoopTest {

    private final SupervisorLoop loop = new SupervisorLoop("loop-test", Ticker.SYSTEM);

    @AfterEach
    void stop() {
        loop.shutdown();
    }

    @Test
    void theIdleHookRunsOnceARunOfTasksIsDone() {
        AtomicInteger done = new AtomicInteger();
        List<Integer> seenByIdle = new CopyOnWriteArrayList<>();
        loop.whenIdle(() -> seenByIdle.add(done.get()));
        loop.execute(() -> {
            for (int i = 0; i < 1000; i++) {
                loop.execute(done::incrementAndGet);
            }
        });
        Await.until("the run done and handed off", () -> seenByIdle.contains(1000));
        assertEquals(List.of(1000), seenByIdle.stream().filter(n -> n > 0).toList(),
                "no hand-off in the middle of a run of queued tasks");
    }

    @Test
    void tasksQueuedBeforeShutdownAreHandedOffBeforeTheLoopEnds() {
        AtomicInteger done = new AtomicInteger();
        List<Integer> seenByIdle = new CopyOnWriteArrayList<>();
        loop.whenIdle(() -> seenByIdle.add(done.get()));
        loop.execute(() -> {
            for (int i = 0; i < 100; i++) {
                loop.execute(done::incrementAndGet);
            }
            loop.shutdown(); // from the loop: returns at once, the queued tasks still run
        });
        Await.until("the loop ended", () -> !seenByIdle.isEmpty() && seenByIdle.getLast() == 100);
        assertEquals(100, done.get());
    }
}
