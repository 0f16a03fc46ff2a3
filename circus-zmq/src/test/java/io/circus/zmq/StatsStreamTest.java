package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.testing.Await;
import io.circus.testing.TestChildren;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.CircusConsumer;
import io.circus.zmq.client.Message;
import io.circus.zmq.internal.ChannelBeans;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stats stream: what circusd-stats publishes (§4.4), sampled by the daemon itself. */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class StatsStreamTest {

    private static final List<String> PROCESS_KEYS = List.of("mem_info1", "mem_info2", "cpu", "mem", "ctime", "pid",
            "username", "nice", "create_time", "age", "cmdline", "children", "subtopic", "name");

    @Test
    void perProcessAndAggregateStatsForWatchersAndTheDaemon() throws Exception {
        try (ZmqDaemon d = ZmqDaemon.withStats(Duration.ofMillis(200), TestChildren.sleepers("Sleeper", 2).build());
             CircusConsumer stats = new CircusConsumer(d.zmq.statsEndpoint().orElseThrow(), "stat.");
             CircusClient circus = d.client()) {
            List<Long> pids = d.arbiter.watcher("sleeper").orElseThrow().pids();
            long self = ProcessHandle.current().pid();
            Set<String> wanted = new HashSet<>(Set.of("stat.sleeper." + pids.get(0), "stat.sleeper." + pids.get(1),
                    "stat.sleeper", "stat.circus." + self, "stat.circus"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!wanted.isEmpty() && System.nanoTime() - deadline < 0) {
                Message m = stats.receive(Duration.ofSeconds(1)).orElse(null);
                if (m == null || !wanted.remove(m.topic())) {
                    continue;
                }
                JsonNode p = m.payload();
                switch (m.topic()) {
                    case "stat.sleeper", "stat.circus" -> {
                        assertEquals(List.of("pid", "cpu", "mem", "age"), ReplyAssert.keys(p), m.toString());
                        assertTrue(p.get("cpu").isNumber() && p.get("mem").isNumber() && p.get("age").isNumber());
                        if (m.topic().equals("stat.sleeper")) {
                            assertEquals(new HashSet<>(pids), new HashSet<>(IntrospectionCommandsTest.longs(p.get("pid"))));
                        }
                    }
                    default -> {
                        assertEquals(PROCESS_KEYS, ReplyAssert.keys(p), m.toString());
                        long pid = Long.parseLong(m.topic().substring(m.topic().lastIndexOf('.') + 1));
                        assertEquals(pid, p.get("pid").asLong());
                        assertEquals(pid, p.get("subtopic").asLong());
                        assertTrue(p.get("ctime").asText().matches("\\d+:\\d\\d\\.\\d\\d"), m.toString());
                        if (m.topic().startsWith("stat.circus.")) {
                            assertEquals("circusd", p.get("name").asText());
                        } else {
                            assertTrue(p.get("name").isNull());
                            assertEquals("sleep", p.get("cmdline").asText());
                        }
                    }
                }
            }
            assertTrue(wanted.isEmpty(), "never received " + wanted);
            // A round is counted once all its messages are sent, so the count may trail what arrived.
            Await.until("a stats round counted", () -> rounds(d) > 0);

            // The stream follows the watchers: one process fewer, one per-pid topic fewer.
            assertTrue(!circus.call("decr", Map.of("name", "sleeper", "waiting", true)).isError());
            List<Long> left = d.arbiter.watcher("sleeper").orElseThrow().pids();
            Await.until("an aggregate over the remaining process", () -> {
                Message m = stats.receive(Duration.ofSeconds(1)).orElse(null);
                return m != null && m.topic().equals("stat.sleeper")
                        && IntrospectionCommandsTest.longs(m.payload().get("pid")).equals(left);
            });
            Await.until("a whole round over one process", () -> {
                try {
                    return (Integer) d.server.getAttribute(ChannelBeans.name("stats"), "LastRoundProcesses") == 1;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    private static long rounds(ZmqDaemon d) {
        try {
            return (Long) d.server.getAttribute(ChannelBeans.name("stats"), "Rounds");
        } catch (javax.management.JMException e) {
            throw new AssertionError(e);
        }
    }
}
