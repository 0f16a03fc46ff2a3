package io.circus.runtime.core;

import java.time.Duration;

/**
 * Delay before respawning a slot whose process exited on its own. The first respawn is immediate;
 * a process that dies again within {@link #STABLE} of its start doubles the delay, from
 * {@link #FIRST} up to a cap (the watcher's check_delay, so a crash loop never respawns faster than
 * Circus, which respawns once per check_delay). A stable run resets it.
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
}
