package io.circus.runtime.core;

import io.circus.event.Event;
import io.circus.event.EventListener;
import io.circus.event.EventType;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.TopologyListener;
import io.circus.runtime.Watcher;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers events globally and hands them to listeners, and tells topology listeners when watchers
 * and slots come and go. Publish only from the supervisor loop.
 */
final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final AtomicLong seq = new AtomicLong();
    private final CopyOnWriteArrayList<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<TopologyListener> topology = new CopyOnWriteArrayList<>();

    void add(EventListener listener) {
        listeners.add(listener);
    }

    void remove(EventListener listener) {
        listeners.remove(listener);
    }

    void add(TopologyListener listener) {
        topology.add(listener);
    }

    void remove(TopologyListener listener) {
        topology.remove(listener);
    }

    void watcher(Watcher watcher, boolean added) {
        for (TopologyListener l : topology) {
            try {
                if (added) {
                    l.watcherAdded(watcher);
                } else {
                    l.watcherRemoved(watcher);
                }
            } catch (RuntimeException e) {
                LOG.warn("topology listener {} failed on watcher {}", l, watcher.name(), e);
            }
        }
    }

    void slot(Watcher watcher, SupervisedProcess slot, boolean added) {
        for (TopologyListener l : topology) {
            try {
                if (added) {
                    l.slotAdded(watcher, slot);
                } else {
                    l.slotRemoved(watcher, slot);
                }
            } catch (RuntimeException e) {
                LOG.warn("topology listener {} failed on slot {}", l, slot, e);
            }
        }
    }

    /** The loop is about to wait: every listener hands off what it buffered ({@link EventListener#handOff}). */
    void handOff() {
        for (EventListener l : listeners) {
            try {
                l.handOff();
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed to hand off", l, e);
            }
        }
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
