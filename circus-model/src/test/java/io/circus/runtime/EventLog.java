package io.circus.runtime;

import io.circus.event.Event;
import io.circus.event.EventListener;
import io.circus.event.EventType;
import io.circus.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every event of an arbiter, for assertions. */
public final class EventLog implements EventListener {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(Event event) {
        events.add(event);
    }

    public synchronized List<Event> all() {
        return List.copyOf(events);
    }

    public List<Event> of(String watcher, EventType type) {
        return all().stream().filter(e -> e.type() == type && watcher.equals(e.watcher())).toList();
    }

    public long count(String watcher, EventType type) {
        return of(watcher, type).size();
    }

    /** Waits for an event matching the predicate and returns the first one. */
    public Event await(String what, Predicate<Event> match) {
        return Await.value(what, () -> all().stream().filter(match).findFirst().orElse(null));
    }

    public Event await(String watcher, EventType type, Predicate<Event> match) {
        return await(watcher + " " + type, e -> e.type() == type && watcher.equals(e.watcher()) && match.test(e));
    }

    /** Event types of one watcher, in order, leaving out STATE. */
    public List<EventType> sequence(String watcher) {
        return all().stream().filter(e -> watcher.equals(e.watcher()) && e.type() != EventType.STATE)
                .map(Event::type).toList();
    }
}
