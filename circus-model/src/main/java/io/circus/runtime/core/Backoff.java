package io.circus.runtime.core;

import java.time.Duration;

/**
 * Delay before respawning a slot whose process exited on its own, or retrying a spawn that failed
 * for want of a resource. The first respawn after an exit is immediate; a process that dies again
 * within {@link #STABLE} of its start doubles the delay, from {@link #FIRST} up to a cap (the
 * watcher's check_delay, so a crash loop never respawns faster than Circus, which respawns once per
 * check_delay). A run of {@link #STABLE} resets it. Loop thread only.
 */
final class Backoff {

    static final Duration STABLE = Duration.ofSeconds(1);
    static final Duration FIRST = Duration.ofMillis(100);

    private final long capNanos;
    private long currentNanos;

    Backoff(Duration cap) {
        this.capNanos = Math.max(FIRST.toNanos(), cap.toNanos());
    }

    /** @param uptimeNanos how long the process that just exited ran */
    long next(long uptimeNanos) {
        if (uptimeNanos >= STABLE.toNanos()) {
            currentNanos = 0;
            return 0;
        }
        long delay = currentNanos;
        currentNanos = currentNanos == 0 ? FIRST.toNanos() : Math.min(capNanos, currentNanos * 2);
        return delay;
    }

    /** After a spawn failed for want of a resource: never 0, retrying at once would fail again. */
    long afterFailure() {
        if (currentNanos == 0) {
            currentNanos = FIRST.toNanos();
        }
        long delay = currentNanos;
        currentNanos = Math.min(capNanos, currentNanos * 2);
        return delay;
    }

    /** The process ran {@link #STABLE}: the next exit is respawned at once again. */
    void reset() {
        currentNanos = 0;
    }

    long capNanos() {
        return capNanos;
    }
}
