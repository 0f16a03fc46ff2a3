package io.circus.runtime.core;

import io.circus.time.Ticker;
import io.circus.time.TimerQueue;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns all runtime state: tasks and timers run here, one at a time, so the
 * supervision core needs no locks. Timers are driven by the injected {@link Ticker}, in the daemon's
 * one {@link TimerQueue}, guarded by the loop's lock so that any thread may schedule.
 *
 * <p>Nothing run here may block: spawning happens on the spawner thread, output on the launcher's
 * loop, waiting is expressed as timers and futures.
 */
final class SupervisorLoop implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorLoop.class);

    private final Ticker ticker;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** Guarded by {@link #lock}; a timer is cancelled on the loop thread only. */
    private final TimerQueue timers;
    private final Thread thread;
    private volatile boolean running = true;
    /** Run on the loop each time it runs out of work, before it waits; set once, before any task. */
    private volatile Runnable idle = () -> { };

    /**
     * Classes the loop needs first when things go wrong, loaded now: when descriptors run out
     * (EMFILE) a class cannot be read from a class directory, and the JVM then remembers the failed
     * resolution for good, so a timer or an exit could never be handled again. (From circusd's jars
     * a class is read through the jar's descriptor, opened long before; class directories, as in
     * the tests, open one per class.)
     */
    private static final List<Class<?>> LOADED_EARLY = List.of(TimerQueue.class,
            TimerQueue.Timer.class, io.circus.event.ExitCause.class,
            io.circus.process.ExitStatus.class, io.circus.process.SpawnException.class,
            io.circus.runtime.SpawnFailure.class);

    SupervisorLoop(String name, Ticker ticker) {
        this.ticker = ticker;
        this.timers = new TimerQueue(ticker);
        this.thread = Thread.ofPlatform().name(name).daemon(false).unstarted(this::run);
        thread.start();
    }

    Ticker ticker() {
        return ticker;
    }

    /**
     * Sets what the loop runs each time it has no task and no due timer left, just before it waits:
     * the event listeners' hand-off, so a run of events wakes their threads once.
     */
    void whenIdle(Runnable action) {
        this.idle = action;
    }

    long now() {
        return ticker.nanoTime();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            if (!running) {
                throw new IllegalStateException("supervisor loop is closed");
            }
            tasks.add(task);
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} on the loop and completes with its result; the future is completed on the loop. */
    <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            execute(() -> {
                try {
                    action.get().whenComplete((v, e) -> {
                        if (e != null) {
                            result.completeExceptionally(e);
                        } else {
                            result.complete(v);
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Schedules a task after {@code delayNanos} of ticker time. Call from the loop thread. */
    TimerQueue.Timer schedule(long delayNanos, Runnable task) {
        lock.lock();
        try {
            TimerQueue.Timer t = timers.schedule(delayNanos, task);
            wake.signal();
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** A future completed on the loop after the delay. */
    CompletableFuture<Void> delay(long delayNanos) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (delayNanos <= 0) {
            f.complete(null);
        } else {
            schedule(delayNanos, () -> f.complete(null));
        }
        return f;
    }

    /** Re-evaluates timers now; for tests that move an injected ticker. */
    void wakeup() {
        lock.lock();
        try {
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread after the tasks already queued; timers are dropped. */
    void shutdown() {
        lock.lock();
        try {
            running = false;
            wake.signal();
        } finally {
            lock.unlock();
        }
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (true) {
            Runnable next = take(false);
            if (next == null) {
                runSafely(idle); // also once more at shutdown, so nothing buffered is kept back
                next = take(true);
            }
            if (next == null) {
                return;
            }
            runSafely(next);
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("unexpected error in the supervisor loop", e);
        }
    }

    /**
     * The next task or due timer; with {@code wait}, waits for one. Null when there is none (without
     * {@code wait}) or when the loop is shut down and its tasks are done.
     */
    private Runnable take(boolean wait) {
        lock.lock();
        try {
            while (true) {
                Runnable task = tasks.poll();
                if (task != null) {
                    return task;
                }
                if (!running) {
                    return null;
                }
                long now = ticker.nanoTime();
                Runnable due = timers.pollDue(now);
                if (due != null) {
                    return due;
                }
                if (!wait) {
                    return null;
                }
                long nanos = timers.nanosToNext(now);
                if (nanos == Long.MAX_VALUE) {
                    wake.awaitUninterruptibly();
                    continue;
                }
                try {
                    wake.awaitNanos(nanos);
                } catch (InterruptedException e) {
                    // The loop thread is never interrupted by us; keep going.
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
