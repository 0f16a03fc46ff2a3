package io.circus.zmq;

import static io.circus.zmq.EventChannelTest.subscribedTo;
import static io.circus.zmq.EventChannelTest.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.jmx.CircusNames;
import io.circus.testing.TestChildren;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.CircusConsumer;
import io.circus.zmq.client.Message;
import io.circus.zmq.client.Reply;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * A crash loop is visible to clients: the status word stays Circus's, a {@code backoff} object
 * beside it in {@code status}, the Watcher bean's attributes, and one event when it starts and one
 * when it ends.
 */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class BackoffVisibilityTest {

    @Test
    void aCrashLoopShowsInStatusAttributesAndEventsOnceEachWay() throws Exception {
        WatcherConfig crasher = WatcherConfig.builder("crasher", "/bin/sh").args("-c 'exit 7'").build();
        try (ZmqDaemon d = ZmqDaemon.started(); CircusClient circus = d.client();
             CircusConsumer events = subscribedTo(d, "circus.watcher.crasher.")) {
            d.arbiter.addWatcher(crasher, true).get();
            Message backoff = until(events, m -> m.topic().equals("circus.watcher.crasher.backoff")).getLast();
            assertTrue(backoff.payload().get("reason").asText().contains("code 7"), backoff.toString());
            assertTrue(backoff.payload().get("next_retry").isDouble(), backoff.toString());
            assertTrue(backoff.payload().get("delay").asDouble() > 0, backoff.toString());

            Reply status = circus.call("status", Map.of("name", "crasher"));
            assertEquals("active", status.status(), "Circus's status word is kept: " + status);
            assertTrue(status.get("backoff").get("reason").asText().contains("code 7"), status.toString());
            assertTrue(status.get("backoff").get("delay").asDouble() > 0, status.toString());
            assertEquals(1, status.get("backoff").get("slots").asInt(), status.toString());
            Reply all = circus.call("status");
            assertEquals("active", all.get("statuses").get("crasher").asText(), "statuses stay plain words");

            ObjectName bean = CircusNames.watcher("crasher");
            assertEquals(true, d.server.getAttribute(bean, "BackingOff"));
            assertTrue((Long) d.server.getAttribute(bean, "BackoffDelayMillis") > 0);
            assertTrue(((String) d.server.getAttribute(bean, "BackoffReason")).contains("code 7"));

            circus.call("stop", Map.of("name", "crasher", "waiting", true));
            Message recovered = until(events, m -> m.topic().equals("circus.watcher.crasher.recovered")).getLast();
            assertEquals("stopped", recovered.payload().get("reason").asText());
            assertEquals(false, d.server.getAttribute(bean, "BackingOff"));
            Reply after = circus.call("status", Map.of("name", "crasher"));
            assertEquals("stopped", after.status());
            assertFalse(after.json().has("backoff"), "no extra key when not backing off: " + after);
            List<String> keys = new java.util.ArrayList<>();
            after.json().fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("status", "time", "id"), keys, "a plain Circus reply");
        }
    }

    @Test
    void anIncrTheOpenFilesLimitCannotHoldIsRefusedEvenWithoutWaiting() throws Exception {
        long limit = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/limits")).stream()
                .filter(l -> l.startsWith("Max open files")).map(l -> l.substring(14).trim().split("\\s+")[0])
                .filter(v -> v.matches("\\d+")).mapToLong(Long::parseLong).findFirst()
                .orElseThrow(() -> new AssertionError("the test needs a finite open-files limit"));
        // Captured stdout: a pipe per process in the daemon's table (the pidfds have tables of their own).
        WatcherConfig web = TestChildren.sleepers("web", 1)
                .stdoutStream(new io.circus.config.StreamConfig("StdoutStream", Map.of())).build();
        try (ZmqDaemon d = ZmqDaemon.started(web); CircusClient circus = d.client()) {
            Reply r = circus.call("incr", Map.of("name", "web", "nb", limit));
            assertTrue(r.isError(), r.toString());
            assertTrue(r.reason().contains("may open only " + limit) && r.reason().contains("ulimit -n"), r.reason());
            assertEquals(1, d.arbiter.watcher("web").orElseThrow().config().numProcesses(), "nothing changed");
            Reply set = circus.call("set", Map.of("name", "web", "options", Map.of("numprocesses", limit)));
            assertTrue(set.isError() && set.reason().contains("may open only"), set.toString());
            assertEquals(1, d.arbiter.watcher("web").orElseThrow().pids().size(), "the process keeps running");
        }
    }
}
