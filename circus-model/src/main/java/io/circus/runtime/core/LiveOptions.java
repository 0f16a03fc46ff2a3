package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import java.time.Duration;

/**
 * Which parts of a watcher definition apply to running processes without restarting them. Two
 * definitions with equal restart keys differ only in live options.
 */
final class LiveOptions {

    private LiveOptions() {
    }

    /** The definition with every live option set to a fixed value. */
    static WatcherConfig restartKey(WatcherConfig c) {
        return c.toBuilder()
                .numProcesses(0)
                .singleton(false)
                .warmupDelay(Duration.ZERO)
                .sendHup(false)
                .stopSignal(io.circus.process.Signal.TERM)
                .stopChildren(false)
                .maxRetry(0)
                .gracefulTimeout(Duration.ZERO)
                .priority(0)
                .respawn(false)
                .autostart(false)
                .maxAge(Duration.ZERO)
                .maxAgeVariance(Duration.ZERO)
                .build()
                .withNumProcesses(0);
    }

    /** Whether a reload from {@code a} to {@code b} needs no process restart. */
    static boolean onlyLive(WatcherConfig a, WatcherConfig b) {
        return restartKey(a).equals(restartKey(b));
    }

}
