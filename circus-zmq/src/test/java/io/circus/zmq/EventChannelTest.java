package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.Await;
import io.circus.testing.Pids;
import io.circus.testing.TestChildren;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.CircusConsumer;
import io.circus.zmq.client.Message;
import io.circus.zmq.internal.ChannelBeans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The pub/sub channel: Circus's topics and payloads (§4.1-4.2) plus seq, fed by JMX notifications. */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class EventChannelTest {

    @Test
    void lifecycleEventsWithCircusPayloadsAndIncreasingSeq() throws Exception {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("web", 1).build());
             CircusConsumer events = subscribed(d); CircusClient circus = d.client()) {
            assertOk(circus.call("add", Map.of("name", "Added", "cmd", "sleep 3600", "start", true, "waiting", true)));
            assertOk(circus.call("incr", Map.of("name", "added", "waiting", true)));
            assertOk(circus.call("set", Map.of("name", "added", "options", Map.of("graceful_timeout", 3), "waiting", true)));
            List<Long> pids = d.arbiter.watcher("added").orElseThrow().pids();
            assertOk(circus.call("kill", Map.of("name", "added", "pid", pids.get(0), "waiting", true)));
            // Killed behind the daemon's back: a reap with the signal's exit code, then a respawn.
            ProcessHandle.of(pids.get(1)).orElseThrow().destroyForcibly();
            Pids.awaitDead(pids.get(1));
            Await.until("both replaced", () -> {
                List<Long> now = d.arbiter.watcher("added").orElseThrow().pids();
                return now.size() == 2 && !now.contains(pids.get(0)) && !now.contains(pids.get(1));
            });
            assertOk(circus.call("stop", Map.of("name", "added", "waiting", true)));
            assertOk(circus.call("start", Map.of("name", "added", "waiting", true)));
            assertOk(circus.call("rm", Map.of("name", "added", "waiting", true)));

            List<Message> all = until(events, m -> m.topic().equals("watcher.added.remove"));
            all.addAll(until(events, m -> m.topic().equals("watcher.added.stop")));
            List<Message> added = all.stream().filter(m -> "added".equals(m.watcher())).toList();
            List<String> topics = added.stream().map(Message::topic).filter(t -> t.startsWith("watcher.")).toList();

            assertEquals("watcher.added.add", topics.getFirst(), topics.toString());
            assertInOrder(topics, "watcher.added.add", "watcher.added.spawn", "watcher.added.start",
                    "watcher.added.updated", "watcher.added.kill", "watcher.added.stop", "watcher.added.start",
                    "watcher.added.remove", "watcher.added.stop");
            for (Message m : added) {
                String event = m.event();
                List<String> keys = ReplyAssert.keys(m.payload());
                switch (m.topic().startsWith("circus.") ? "extra" : event) {
                    case "spawn", "kill" -> assertEquals(List.of("process_pid", "time", "seq"), keys, m.toString());
                    case "reap" -> assertEquals(List.of("process_pid", "time", "exit_code", "cause", "seq"), keys);
                    case "updated" -> assertEquals(List.of("time", "key", "seq"), keys);
                    case "add", "remove", "start", "stop" -> assertEquals(List.of("time", "seq"), keys, m.toString());
                    case "extra" -> assertTrue(keys.contains("seq") && keys.contains("time"), m.toString());
                    default -> throw new AssertionError("not a Circus event under a Circus topic: " + m);
                }
                assertTrue(m.payload().get("time").isDouble(), m.toString());
                if (m.payload().has("process_pid")) {
                    assertTrue(m.payload().get("process_pid").isIntegralNumber(), m.toString());
                }
            }
            Message outsideKill = find(added, m -> "reap".equals(m.event()) && m.payload().get("process_pid").asLong() == pids.get(1));
            assertEquals(-9, outsideKill.payload().get("exit_code").asInt());
            assertEquals("signalled", outsideKill.payload().get("cause").asText());
            Message stopReap = find(added, m -> "reap".equals(m.event()) && "commanded".equals(m.payload().get("cause").asText()));
            assertEquals(-15, stopReap.payload().get("exit_code").asInt());
            assertEquals("graceful_timeout", find(added, m -> "updated".equals(m.event())).payload().get("key").asText());
            assertTrue(added.stream().anyMatch(m -> m.topic().equals("circus.watcher.added.state")
                    && m.payload().has("from") && m.payload().has("to")), "our extra events under their own topics");

            long previous = 0;
            for (Message m : all) {
                assertTrue(m.seq() >= previous, "seq never goes back: " + all);
                if (!"updated".equals(m.event())) {
                    // circus-jmx numbers its synthetic "updated" with the latest runtime seq; the runtime's own are strictly increasing.
                    assertTrue(m.seq() > previous || previous == 0, "strictly increasing: " + m + " after " + previous);
                }
                previous = m.seq();
            }
            Object published = d.server.getAttribute(ChannelBeans.name("pubsub"), "PublishedEvents");
            assertTrue((Long) published >= all.size());
            assertEquals(0L, d.server.getAttribute(ChannelBeans.name("pubsub"), "DroppedEvents"));
        }
    }

    @Test
    void topicsAreLowerCaseWithUnderscoresAndPrefixesFilter() {
        try (ZmqDaemon d = ZmqDaemon.started(); CircusClient circus = d.client();
             CircusConsumer onlyReaps = subscribedTo(d, "watcher.my_web.spawn")) {
            assertOk(circus.call("add", Map.of("name", "My Web", "cmd", "sleep 3600", "start", true, "waiting", true)));
            Message m = until(onlyReaps, x -> true).getFirst();
            assertEquals("watcher.my_web.spawn", m.topic());
            assertEquals("my_web", m.watcher());
            assertFalse(onlyReaps.receive(Duration.ofMillis(200)).isPresent(), "nothing but what was subscribed");
        }
    }

    static CircusConsumer subscribed(ZmqDaemon d) {
        return subscribedTo(d, "");
    }

    /** A consumer whose subscription has reached the publisher, so nothing published later is missed. */
    static CircusConsumer subscribedTo(ZmqDaemon d, String topic) {
        return subscribedTo(d.zmq, d.server, topic);
    }

    /** As {@link #subscribedTo(ZmqDaemon, String)}, for any daemon's ZeroMQ facade and MBeanServer. */
    static CircusConsumer subscribedTo(ZmqFacade zmq, javax.management.MBeanServer server, String topic) {
        CircusConsumer c = new CircusConsumer(zmq.pubsubEndpoint(), topic);
        Await.until("subscription seen by the publisher", () -> {
            c.ready(); // ZeroMQ hands the subscription on only when the subscriber's socket is called
            try {
                return (Integer) server.getAttribute(ChannelBeans.name("pubsub"), "Subscriptions") >= 1;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return c;
    }

    static List<Message> until(CircusConsumer c, Predicate<Message> last) {
        List<Message> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - deadline < 0) {
            Message m = c.receive(Duration.ofSeconds(1)).orElse(null);
            if (m != null) {
                seen.add(m);
                if (last.test(m)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("not seen within 30 s; got " + seen);
    }

    private static Message find(List<Message> messages, Predicate<Message> p) {
        return messages.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("not in " + messages));
    }

    private static void assertInOrder(List<String> actual, String... expected) {
        int at = 0;
        for (String e : expected) {
            at = actual.subList(at, actual.size()).indexOf(e) + at;
            assertTrue(at >= 0 && actual.get(at).equals(e), e + " in order in " + actual);
            at++;
        }
    }

    private static void assertOk(io.circus.zmq.client.Reply r) {
        assertFalse(r.isError(), r.toString());
    }
}
