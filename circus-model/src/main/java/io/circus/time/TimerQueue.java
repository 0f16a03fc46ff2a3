package io.circus.time;

import java.util.PriorityQueue;

/**
 * One-shot timers ordered by deadline on a {@link Ticker}: the one timer queue of the daemon, used by
 * the supervisor loop (runtime core) and by each event loop of the process layer. The queue never
 * wakes anyone: its owner asks {@link #nanosToNext} how long it may sleep and {@link #pollDue} what
 * is due, so an idle daemon with no timer armed sleeps without a wake-up.
 *
 * <p>Threading: not thread-safe. Confined to its owner: the owner's loop thread, or any thread
 * holding the lock the owner guards it with. {@link Timer#cancel} follows the same rule.
 */
public final class TimerQueue {

    /**
     * A scheduled task; cancelling keeps it from running. A cancelled timer lets go of its task at
     * once and leaves the queue lazily, or in a purge once cancelled timers are half the queue: a
     * stop of 10,000 cancels 10,000 graceful-timeout timers, whose tasks would otherwise hold each
     * reaped process until its deadline, surviving young collections into the old generation.
     */
    public static final class Timer implements Comparable<Timer> {
        private final TimerQueue queue;
        private final long deadline;
        private final long seq;
        private Runnable task;
        private boolean cancelled;

        private Timer(TimerQueue queue, long deadline, long seq, Runnable task) {
            this.queue = queue;
            this.deadline = deadline;
            this.seq = seq;
            this.task = task;
        }

        /** The task will not run. Same confinement as the queue. */
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                task = null;
                queue.cancelled();
            }
        }

        @Override
        public int compareTo(Timer o) {
            // Differences, not values: the ticker may wrap (System.nanoTime has an arbitrary origin).
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Ticker ticker;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    /** Orders timers with the same deadline by scheduling order. */
    private long seq;
    /** Cancelled timers still in {@link #timers}. */
    private int cancelled;

    public TimerQueue(Ticker ticker) {
        this.ticker = ticker;
    }

    public Ticker ticker() {
        return ticker;
    }

    /** Schedules {@code task} {@code delayNanos} of ticker time from now (a negative delay counts as 0). */
    public Timer schedule(long delayNanos, Runnable task) {
        Timer t = new Timer(this, ticker.nanoTime() + Math.max(0, delayNanos), seq++, task);
        timers.add(t);
        return t;
    }

    /**
     * Removes and returns the task of the earliest timer due at {@code now}, or null when none is;
     * cancelled timers are dropped on the way.
     */
    public Runnable pollDue(long now) {
        Timer head = liveHead();
        if (head == null || head.deadline - now > 0) {
            return null;
        }
        timers.poll();
        Runnable task = head.task;
        head.task = null; // ran: cancel() later must not count it as waiting in the queue
        head.cancelled = true;
        return task;
    }

    /**
     * Nanoseconds from {@code now} until the earliest live timer is due (0 or less: due already), or
     * {@link Long#MAX_VALUE} when no timer is armed.
     */
    public long nanosToNext(long now) {
        Timer head = liveHead();
        return head == null ? Long.MAX_VALUE : head.deadline - now;
    }

    /** Drops every timer. */
    public void clear() {
        timers.forEach(t -> {
            t.cancelled = true;
            t.task = null;
        });
        timers.clear();
        cancelled = 0;
    }

    /** Timers in the queue, cancelled ones not yet dropped included; for tests. */
    int size() {
        return timers.size();
    }

    private void cancelled() {
        cancelled++;
        if (cancelled > 64 && cancelled > timers.size() / 2) {
            timers.removeIf(t -> t.cancelled);
            cancelled = 0;
        }
    }

    private Timer liveHead() {
        Timer head;
        while ((head = timers.peek()) != null && head.cancelled) {
            timers.poll();
            cancelled--;
        }
        return head;
    }
}
