package io.circus.runtime.core;

import io.circus.event.Event;
import io.circus.event.EventListener;
import io.circus.event.EventType;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbers events globally and hands them to listeners. Publish only from the supervisor loop. */
final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final AtomicLong seq = new AtomicLong();
    private final CopyOnWriteArrayList<EventListener> listeners = new CopyOnWriteArrayList<>();

    void add(EventListener listener) {
        listeners.add(listener);
    }

    void remove(EventListener listener) {
        listeners.remove(listener);
    }

    long lastSeq() {
        return seq.get();
    }

    void publish(EventType type, String watcher, int wid, long pid, Map<String, Object> fields) {
        Event event = new Event(seq.incrementAndGet(), type, watcher, wid, pid, System.currentTimeMillis(), fields);
        LOG.debug("event {}", event);
        for (EventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed on {}", l, event, e);
            }
        }
    }
}
