package io.circus.plugin.host;

import io.circus.plugin.Plugin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a plugin: its instance and its own thread. A plugin restarted after a failure gets a new
 * incarnation; the old one is abandoned (its tasks turn into no-ops, its thread is interrupted and,
 * if it ignores that, left to finish alone as a daemon thread).
 */
final class Incarnation {

    final ScheduledThreadPoolExecutor executor;
    final AtomicInteger queued = new AtomicInteger();
    final CompletableFuture<Void> started = new CompletableFuture<>();
    final long createdNanos = System.nanoTime();
    /** Set on the plugin's thread by the start callback; read only there. */
    Plugin plugin;
    /** Set on the plugin's thread; read there. */
    int consecutiveFailures;
    volatile RunnerContext context;
    volatile boolean running;
    volatile boolean abandoned;
    /** When the callback now running began (nanoTime), 0 when idle: the host's hang check reads it. */
    volatile long busySinceNanos;
    volatile String busyIn = "";

    Incarnation(String plugin) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "circus-plugin-" + plugin);
            t.setDaemon(true);
            return t;
        });
        // Stopping must not run what the plugin scheduled for later.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    void abandon() {
        abandoned = true;
        executor.shutdownNow();
    }
}
