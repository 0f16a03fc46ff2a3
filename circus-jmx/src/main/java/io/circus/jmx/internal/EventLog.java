package io.circus.jmx.internal;

import io.circus.event.Event;
import io.circus.event.EventListener;
import io.circus.jmx.EventEntry;
import io.circus.jmx.EventText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #CAPACITY} events, for consoles that poll ({@code Arbiter.events}) instead of
 * holding a notification listener open (the web console over HTTP).
 *
 * <p>Threading: {@link #onEvent} runs on the supervisor loop and only appends under a short lock
 * (formatting the text is deferred to readers); {@link #since} runs on any JMX caller's thread.
 */
final class EventLog implements EventListener {

    static final int CAPACITY = 1000;

    private final Event[] ring = new Event[CAPACITY];
    private long count;

    @Override
    public synchronized void onEvent(Event event) {
        ring[(int) (count++ % CAPACITY)] = event;
    }

    /** Events with a sequence number above {@code afterSeq}, oldest first, at most {@code max}. */
    List<EventEntry> since(long afterSeq, int max) {
        List<Event> picked = new ArrayList<>();
        synchronized (this) {
            long first = Math.max(0, count - CAPACITY);
            for (long i = count - 1; i >= first && picked.size() < max; i--) {
                Event e = ring[(int) (i % CAPACITY)];
                if (e.seq() <= afterSeq) {
                    break;
                }
                picked.add(e);
            }
        }
        return picked.reversed().stream().map(EventLog::entry).toList();
    }

    private static EventEntry entry(Event e) {
        return new EventEntry(e.seq(), Instant.ofEpochMilli(e.epochMillis()).toString(), e.type().circusName(),
                e.watcher() == null ? "" : e.watcher(), e.wid(), e.pid(), EventText.of(e));
    }
}
