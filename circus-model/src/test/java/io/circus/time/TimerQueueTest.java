package io.circus.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The one timer queue: order, cancellation, and the wait it tells its owner (never a wake-up of its own). */
class TimerQueueTest {

    private final AtomicLong now = new AtomicLong();
    private final TimerQueue queue = new TimerQueue(now::get);
    private final List<String> ran = new ArrayList<>();

    private void runDue() {
        Runnable due;
        while ((due = queue.pollDue(now.get())) != null) {
            due.run();
        }
    }

    @Test
    void anEmptyQueueLetsItsOwnerSleepUntilWoken() {
        assertEquals(Long.MAX_VALUE, queue.nanosToNext(now.get()));
        assertNull(queue.pollDue(now.get()));
    }

    @Test
    void timersRunByDeadlineThenInSchedulingOrder() {
        queue.schedule(30, () -> ran.add("c"));
        queue.schedule(10, () -> ran.add("a"));
        queue.schedule(10, () -> ran.add("b"));
        queue.schedule(-5, () -> ran.add("now"));
        assertEquals(0, queue.nanosToNext(now.get()), "a negative delay is due at once");
        runDue();
        assertEquals(List.of("now"), ran);
        assertEquals(10, queue.nanosToNext(now.get()));
        now.set(30);
        runDue();
        assertEquals(List.of("now", "a", "b", "c"), ran);
        assertEquals(Long.MAX_VALUE, queue.nanosToNext(now.get()));
    }

    @Test
    void aCancelledTimerNeitherRunsNorShortensTheWait() {
        TimerQueue.Timer early = queue.schedule(10, () -> ran.add("early"));
        queue.schedule(50, () -> ran.add("late"));
        early.cancel();
        assertEquals(50, queue.nanosToNext(now.get()));
        now.set(50);
        runDue();
        assertEquals(List.of("late"), ran);
    }

    @Test
    void deadlinesAreComparedAcrossTheTickerWrapping() {
        now.set(Long.MAX_VALUE - 5);
        queue.schedule(20, () -> ran.add("after wrap"));
        queue.schedule(2, () -> ran.add("before wrap"));
        now.addAndGet(20);
        runDue();
        assertEquals(List.of("before wrap", "after wrap"), ran);
    }

    /** A stop of N cancels N far-off timers: they must not stay in the queue, holding their tasks, until due. */
    @Test
    void cancelledTimersArePurgedOnceTheyAreHalfTheQueue() {
        List<TimerQueue.Timer> graceful = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            graceful.add(queue.schedule(30_000 + i, () -> ran.add("graceful " + n)));
        }
        queue.schedule(40_000, () -> ran.add("kept"));
        for (int i = 0; i < 999; i++) {
            graceful.get(i).cancel();
            graceful.get(i).cancel(); // twice: counted once
        }
        assertTrue(queue.size() < 600, "cancelled timers purged: " + queue.size() + " left");
        now.set(40_000);
        runDue();
        assertEquals(List.of("graceful 999", "kept"), ran);
        assertEquals(Long.MAX_VALUE, queue.nanosToNext(now.get()));
        graceful.get(999).cancel(); // already ran: nothing to count or drop
        assertEquals(0, queue.size());
    }
}
