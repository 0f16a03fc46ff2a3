package io.circus.event;

/**
 * Receives every event of the daemon, in sequence order.
 *
 * <p>Threading: called on the supervisor loop thread, which owns all runtime state. It must return
 * quickly and never block (no I/O, no waiting on the runtime): hand the event to a queue. A listener
 * that throws is logged and kept.
 */
@FunctionalInterface
public interface EventListener {
    void onEvent(Event event);
}
