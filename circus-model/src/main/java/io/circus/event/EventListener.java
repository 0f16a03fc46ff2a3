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

    /**
     * The loop has run out of work for now (it is about to wait): a listener that keeps the events
     * of a run in a buffer hands them to its own thread here, waking it once per run instead of once
     * per event (a stop of 10,000 is 20,000 events in a few runs). Such a listener also hands off by
     * itself when its buffer grows long, so a loop that never idles does not delay it much.
     *
     * <p>Threading: called on the supervisor loop thread; must not block.
     */
    default void handOff() {
    }
}
