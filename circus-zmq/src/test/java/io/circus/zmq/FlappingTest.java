package io.circus.zmq;

import static io.circus.zmq.EventChannelTest.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.jmx.CircusNames;
import io.circus.testing.Await;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.CircusConsumer;
import io.circus.zmq.client.Message;
import io.circus.zmq.client.Reply;
import io.circus.zmq.internal.ChannelBeans;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.Notification;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flapping really stops a crash-looping watcher (Circus's stop is refused during its tick, so there it
 * never does), retries it per max_retry, honours a watcher's flapping.* overrides, and every judgement
 * is visible: a {@code watcher.NAME.flapping} event, JMX notifications, and the state in status.
 */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class FlappingTest {

    @TempDir
    Path dir;

    @Test
    void aCrashLoopIsStoppedRetriedOnceThenStoppedForGood() throws Exception {
        String sections = """
                [watcher:crasher]
                cmd = /bin/sh -c 'exit 3'
                autostart = false

                [watcher:quitter]
                cmd = /bin/sh -c 'exit 4'
                flapping.max_retry = 0

                [plugin:flap]
                use = circus.plugins.flapping.Flapping
                attempts = 2
                window = 1
                retry_in = 1
                max_retry = 1
                """;
        try (ZmqDaemon d = ZmqDaemon.fromIni(dir, sections); CircusClient circus = d.client();
             CircusConsumer events = subscribed(d, "watcher.crasher.")) {
            List<Notification> acted = new CopyOnWriteArrayList<>();
            ObjectName plugin = CircusNames.plugin("flap");
            d.server.addNotificationListener(plugin, (n, h) -> acted.add(n), null, null);
            List<Notification> watcherNotes = new CopyOnWriteArrayList<>();
            d.server.addNotificationListener(CircusNames.watcher("crasher"), (n, h) -> watcherNotes.add(n), null, null);
            circus.call("start", Map.of("name", "crasher"));

            // Parked: really stopped (the stop is waited for, so its event comes first), then retried.
            List<Message> parking = until(events, m -> m.topic().equals("watcher.crasher.flapping")
                    && m.payload().path("parked").asBoolean());
            Message first = parking.getLast();
            assertEquals("watcher.crasher.stop", parking.get(parking.size() - 2).topic(), parking.toString());
            assertEquals("plugin:flap", first.payload().get("source").asText(), first.toString());
            assertEquals(1, first.payload().get("tries").asInt(), first.toString());
            assertEquals(1, first.payload().get("max_retry").asInt(), first.toString());
            assertTrue(first.payload().get("retry_in").asDouble() <= 1.0, first.toString());
            assertTrue(first.payload().get("state").asText().startsWith("parked by plugin:flap, retry 1/1 in"),
                    first.toString());

            until(events, m -> m.topic().equals("watcher.crasher.start"));
            List<Message> givingUp = until(events, m -> m.topic().equals("watcher.crasher.flapping")
                    && m.payload().path("parked").asBoolean());
            Message last = givingUp.getLast();
            assertEquals("watcher.crasher.stop", givingUp.get(givingUp.size() - 2).topic(), givingUp.toString());
            assertTrue(last.payload().get("state").asText().contains("for good after 1 retries"), last.toString());
            assertTrue(last.payload().path("retry_in").isMissingNode(), "no retry planned: " + last);

            Await.until("crasher stopped for good", () -> circus.call("status", Map.of("name", "crasher"))
                    .status().equals("stopped"));
            Reply status = circus.call("status", Map.of("name", "crasher"));
            assertTrue(status.get("flapping").asText().startsWith("parked by plugin:flap, for good"), status.toString());
            Reply all = circus.call("status");
            assertEquals("stopped", all.get("statuses").get("crasher").asText(), "the status word stays Circus's");
            assertTrue(all.get("flapping").get("crasher").asText().contains("for good"), all.toString());
            assertTrue(((String) d.attr(CircusNames.watcher("crasher"), "Flapping")).contains("for good"));
            assertEquals(0, d.arbiter.watcher("crasher").orElseThrow().pids().size(), "no process left");

            // The override gives quitter no retry at all.
            Await.until("quitter stopped for good", () -> ((String) d.attr(CircusNames.watcher("quitter"), "Flapping"))
                    .contains("for good after 0 retries"));

            Await.until("counters", () -> (Long) d.attr(plugin, "Stops") >= 3);
            assertTrue((Long) d.attr(plugin, "Triggers") >= 4, "stop, start, stop for crasher, stop for quitter");
            assertTrue((Long) d.attr(plugin, "Checks") >= 4);
            assertTrue(acted.stream().anyMatch(n -> n.getType().equals("circus.plugin.acted")
                    && n.getMessage().contains("crasher") && n.getMessage().contains("stopped for good")), acted.toString());
            assertTrue(watcherNotes.stream().anyMatch(n -> n.getType().equals("circus.watcher.flapping")), "a JMX notification on the Watcher bean");

            // An operator's fix and start clear the state.
            assertEquals("ok", circus.call("set", Map.of("name", "quitter", "options", Map.of("cmd", "sleep 3600")))
                    .status());
            assertEquals("ok", circus.call("start", Map.of("name", "quitter", "waiting", true)).status());
            Await.until("quitter no longer parked", () -> d.attr(CircusNames.watcher("quitter"), "Flapping").equals(""));
        }
    }

    @Test
    void theCoresOwnBackoffIsReportedAsFlappingToo() throws Exception {
        String sections = """
                [watcher:looper]
                cmd = /bin/sh -c 'exit 5'
                """;
        try (ZmqDaemon d = ZmqDaemon.fromIni(dir, sections); CircusClient circus = d.client();
             CircusConsumer events = subscribed(d, "watcher.looper.")) {
            circus.call("restart", Map.of("name", "looper"));
            Message m = until(events, x -> x.topic().equals("watcher.looper.flapping")).getLast();
            assertEquals("backoff", m.payload().get("source").asText(), m.toString());
            assertEquals(false, m.payload().get("parked").asBoolean(), m.toString());
            assertTrue(m.payload().get("state").asText().startsWith("backing off"), m.toString());
            Await.until("status shows it", () -> circus.call("status").json().path("flapping").path("looper").asText()
                    .startsWith("backing off"));
            circus.call("stop", Map.of("name", "looper", "waiting", true));
        }
    }

    private static CircusConsumer subscribed(ZmqDaemon d, String topic) {
        return EventChannelTest.subscribedTo(d.zmq, d.server, topic);
    }
}
