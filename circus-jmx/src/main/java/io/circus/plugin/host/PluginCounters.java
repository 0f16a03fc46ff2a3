package io.circus.plugin.host;

import io.circus.plugin.PluginAction;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A plugin's counters, kept across its restarts; written by its thread and the host, read by JMX. */
final class PluginCounters {

    final AtomicLong checks = new AtomicLong();
    final AtomicLong triggers = new AtomicLong();
    final AtomicLong restarts = new AtomicLong();
    final AtomicLong stops = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong failureRestarts = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    private volatile String lastError = "";
    private volatile String lastAction = "";

    void acted(String watcher, PluginAction action, String message) {
        triggers.incrementAndGet();
        switch (action) {
            case RESTART -> restarts.incrementAndGet();
            case STOP -> stops.incrementAndGet();
            default -> {
            }
        }
        lastAction = Instant.now() + " " + action.name().toLowerCase(java.util.Locale.ROOT)
                + (watcher != null ? " " + watcher : "") + ": " + message;
    }

    void error(String message) {
        errors.incrementAndGet();
        lastError = Instant.now() + " " + message;
    }

    String lastError() {
        return lastError;
    }

    String lastAction() {
        return lastAction;
    }
}
