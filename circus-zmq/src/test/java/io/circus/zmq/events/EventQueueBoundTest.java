package io.circus.zmq.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

/**
 * The queue between the JMX listener and the publisher thread is bounded in bytes as well as in
 * events, so a backlog (a thousand subscribers make each send slow) costs at most that much memory:
 * past it events are dropped and counted, never held.
 */
class EventQueueBoundTest {

    @Test
    void aBacklogIsBoundedInBytesAndDropsAreCounted() throws Exception {
        CompositeType type = new CompositeType("event", "a runtime event",
                new String[] {"type", "watcher", "seq", "time", "key"}, new String[] {"type", "watcher", "seq", "time", "key"},
                new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.LONG, SimpleType.DOUBLE, SimpleType.STRING});
        try (ZContext context = new ZContext(1);
             EventPublisher publisher = new EventPublisher(context, "tcp://127.0.0.1:*", 1000, 65_536, 20_000)) {
            // Not started: nothing drains, as when the publisher thread cannot keep up. A subscriber to
            // everything, as the socket would report it: events nobody subscribes to are not queued.
            publisher.subscriptions().record(new byte[] {1});
            for (long seq = 1; seq <= 1000; seq++) {
                CompositeData event = new CompositeDataSupport(type, new String[] {"type", "watcher", "seq", "time", "key"},
                        new Object[] {"updated", "web", seq, 1.5, "graceful_timeout"});
                publisher.offer(event);
            }
            assertTrue(publisher.getQueueBytes() <= 20_000, "bytes held: " + publisher.getQueueBytes());
            assertTrue(publisher.getQueueSize() > 50 && publisher.getQueueSize() < 200, "events held: " + publisher.getQueueSize());
            assertEquals(1000, publisher.getQueueSize() + publisher.getDroppedEvents(), "every event is held or counted");
            assertEquals(20_000, publisher.getMaxQueueBytes());
        }
    }

    @Test
    void anEventNobodySubscribesToIsNeitherEncodedNorQueued() throws Exception {
        CompositeType type = new CompositeType("event", "a runtime event",
                new String[] {"type", "watcher", "seq", "time"}, new String[] {"type", "watcher", "seq", "time"},
                new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.LONG, SimpleType.DOUBLE});
        try (ZContext context = new ZContext(1);
             EventPublisher publisher = new EventPublisher(context, "tcp://127.0.0.1:*", 1000, 65_536, 1_000_000)) {
            publisher.subscriptions().record("\u0001watcher.db.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            publisher.offer(new CompositeDataSupport(type, new String[] {"type", "watcher", "seq", "time"},
                    new Object[] {"reap", "web", 1L, 1.5}));
            assertEquals(0, publisher.getQueueSize(), "watcher.web.reap matches no subscription");
            publisher.offer(new CompositeDataSupport(type, new String[] {"type", "watcher", "seq", "time"},
                    new Object[] {"reap", "db", 2L, 1.5}));
            assertEquals(1, publisher.getQueueSize(), "watcher.db.reap matches watcher.db.");
            publisher.subscriptions().record("\u0000watcher.db.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            publisher.offer(new CompositeDataSupport(type, new String[] {"type", "watcher", "seq", "time"},
                    new Object[] {"reap", "db", 3L, 1.5}));
            assertEquals(1, publisher.getQueueSize(), "the last subscriber left");
            assertEquals(0, publisher.getDroppedEvents(), "not subscribed is not dropped");
        }
    }
}
