package io.circus.zmq;

import static io.circus.zmq.IntrospectionCommandsTest.longs;
import static io.circus.zmq.ReplyAssert.error;
import static io.circus.zmq.ReplyAssert.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.config.WatcherConfig;
import io.circus.runtime.WatcherState;
import io.circus.testing.Await;
import io.circus.testing.Pids;
import io.circus.testing.TestChildren;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** start, stop, restart, reload, reloadconfig, quit, add, rm, casts and waiting (§2.6, §2.13, §3.2-3.7). */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class LifecycleCommandsTest {

    @Test
    void startRestartStopOneWatcherWithWaiting() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 2).autostart(false).build());
             RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"g10\",\"command\":\"start\",\"properties\":{\"name\":\"sleeper\",\"waiting\":true}}");
            JsonNode info = ok(peer.text(), "g10", "info").get("info");
            assertEquals(List.of("started", "kept"), ReplyAssert.keys(info));
            List<Long> first = sorted(d.arbiter.watcher("sleeper").orElseThrow().pids());
            assertEquals(2, first.size());
            // The Watcher bean snapshots the pids before launching the operation: all of them are new.
            assertEquals(first, sorted(longs(info.get("started"))));
            assertEquals(List.of(), longs(info.get("kept")));

            peer.send("{\"id\":\"g11\",\"command\":\"restart\",\"properties\":{\"name\":\"sleeper\",\"waiting\":true}}");
            info = ok(peer.text(), "g11", "info").get("info");
            assertEquals(List.of("stopped", "started", "kept"), ReplyAssert.keys(info));
            assertTrue(first.containsAll(longs(info.get("stopped"))), info.toString());
            List<Long> second = sorted(d.arbiter.watcher("sleeper").orElseThrow().pids());
            assertEquals(second, sorted(longs(info.get("started"))));
            assertEquals(List.of(), longs(info.get("kept")));
            assertEquals(first, sorted(longs(info.get("stopped"))));
            assertTrue(Collections.disjoint(first, second));
            first.forEach(Pids::awaitDead);

            // Circus answers "info": null for stop; we name the pids stopped.
            peer.send("{\"id\":\"g9\",\"command\":\"stop\",\"properties\":{\"name\":\"sleeper\",\"match\":\"simple\","
                    + "\"waiting\":true}}");
            assertEquals(second, longs(ok(peer.text(), "g9", "info").get("info").get("stopped")));
            assertEquals(WatcherState.STOPPED, d.arbiter.watcher("sleeper").orElseThrow().state());

            // Without waiting: a plain ok at once, the work goes on.
            peer.send("{\"id\":\"g12\",\"command\":\"start\",\"properties\":{\"name\":\"sleeper\"}}");
            ok(peer.text(), "g12");
            Await.until("sleeper active", () -> d.arbiter.watcher("sleeper").orElseThrow().state() == WatcherState.ACTIVE);

            peer.send("{\"id\":\"g13\",\"command\":\"start\",\"properties\":{\"name\":\"sleeper\",\"match\":\"bogus\"}}");
            error(peer.text(), 3, "unknown match method bogus", "g13");
            peer.send("{\"id\":\"g14\",\"command\":\"stop\",\"properties\":{\"name\":\"nothere\"}}");
            error(peer.text(), 3, "program nothere not found", "g14");
        }
    }

    /** Circus answers ok and leaves the watcher stopped; we say that nothing started, and why. */
    @Test
    void aWaitingStartThatStartsNothingSaysWhy() {
        try (ZmqDaemon d = ZmqDaemon.started(
                WatcherConfig.builder("ghost", "/nonexistent/ghost-program").autostart(false).maxRetry(1).build(),
                TestChildren.sleepers("sleeper", 1).autostart(false).build()); RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"f1\",\"command\":\"start\",\"properties\":{\"name\":\"ghost\",\"waiting\":true}}");
            String reason = error(peer.text(), 6, null, "f1").get("reason").asText();
            assertTrue(reason.startsWith("server error: start ghost started no process: "), reason);
            assertTrue(reason.contains("/nonexistent/ghost-program"), reason);
            assertEquals(WatcherState.STOPPED, d.arbiter.watcher("ghost").orElseThrow().state());

            peer.send("{\"id\":\"f2\",\"command\":\"restart\",\"properties\":{\"name\":\"ghost\",\"waiting\":true}}");
            assertTrue(error(peer.text(), 6, null, "f2").get("reason").asText().contains("started no process"));

            peer.send("{\"id\":\"f3\",\"command\":\"add\",\"properties\":{\"name\":\"ghost2\",\"cmd\":"
                    + "\"/nonexistent/other\",\"start\":true,\"waiting\":true}}");
            reason = error(peer.text(), 6, null, "f3").get("reason").asText();
            assertTrue(reason.contains("start ghost2 started no process") && reason.contains("/nonexistent/other"), reason);

            // Several watchers by pattern: the same when none of them runs afterwards.
            peer.send("{\"id\":\"f3b\",\"command\":\"start\",\"properties\":{\"name\":\"gh*\",\"waiting\":true}}");
            reason = error(peer.text(), 6, null, "f3b").get("reason").asText();
            assertTrue(reason.startsWith("server error: start gh* started no process: ghost2: ")
                    && reason.contains("/nonexistent/other"), reason);

            // Quoting is checked when the command is given, not at every spawn.
            peer.send("{\"id\":\"f4\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":"
                    + "{\"cmd\":\"sleep \\\"100\"}}}");
            assertTrue(error(peer.text(), 3, null, "f4").get("reason").asText().contains("no closing quotation"));
            peer.send("{\"id\":\"f5\",\"command\":\"add\",\"properties\":{\"name\":\"q\",\"cmd\":\"sleep 'x\"}}");
            assertTrue(error(peer.text(), 3, null, "f5").get("reason").asText().contains("no closing quotation"));

            // A watcher that does start is still ok, whatever failed elsewhere before.
            peer.send("{\"id\":\"f6\",\"command\":\"start\",\"properties\":{\"name\":\"sleeper\",\"waiting\":true}}");
            ok(peer.text(), "f6", "info");
            peer.send("{\"id\":\"f7\",\"command\":\"incr\",\"properties\":{\"name\":\"sleeper\",\"waiting\":true}}");
            ok(peer.text(), "f7", "numprocesses");
        }
    }

    @Test
    void patternsAndEverything() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("web", 1).build(),
                TestChildren.sleepers("worker", 1).autostart(false).build()); RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"m1\",\"command\":\"stop\",\"properties\":{\"waiting\":true}}");
            ok(peer.text(), "m1");
            assertEquals(WatcherState.STOPPED, d.arbiter.watcher("web").orElseThrow().state());
            // Several matched: no info, and autostart=false is skipped, as Circus does.
            peer.send("{\"id\":\"m2\",\"command\":\"start\",\"properties\":{\"name\":\"w*\",\"waiting\":true}}");
            ok(peer.text(), "m2");
            assertEquals(WatcherState.ACTIVE, d.arbiter.watcher("web").orElseThrow().state());
            assertEquals(WatcherState.STOPPED, d.arbiter.watcher("worker").orElseThrow().state());
            // One matched by a regex: that watcher's own start, autostart notwithstanding.
            peer.send("{\"id\":\"m3\",\"command\":\"start\",\"properties\":{\"name\":\"wor\",\"match\":\"regex\","
                    + "\"waiting\":true}}");
            assertEquals(1, ok(peer.text(), "m3", "info").get("info").get("started").size());
            peer.send("{\"id\":\"m4\",\"command\":\"restart\",\"properties\":{\"waiting\":true}}");
            ok(peer.text(), "m4");
            assertEquals(WatcherState.ACTIVE, d.arbiter.watcher("web").orElseThrow().state());
        }
    }

    @Test
    void addAndRemoveWatchers() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("Sleeper", 1).build()); RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"j4\",\"command\":\"add\",\"properties\":{\"name\":\"added2\",\"cmd\":\"sleep 100\","
                    + "\"start\":true,\"waiting\":true}}");
            JsonNode r = ok(peer.text(), "j4", "started", "kept");
            assertEquals(d.arbiter.watcher("added2").orElseThrow().pids(), longs(r.get("started")));
            assertEquals("[]", r.get("kept").toString());

            peer.send("{\"id\":\"j7\",\"command\":\"rm\",\"properties\":{\"name\":\"added2\",\"waiting\":true}}");
            ok(peer.text(), "j7");
            assertTrue(d.arbiter.watcher("added2").isEmpty());

            peer.send("{\"id\":\"j6\",\"command\":\"add\",\"properties\":{\"name\":\"x\"}}");
            error(peer.text(), 3, "message invalid 'cmd' is missing", "j6");
            peer.send("{\"id\":\"j8\",\"command\":\"add\",\"properties\":{\"name\":\"sleeper\",\"cmd\":\"sleep 1\"}}");
            String reason = error(peer.text(), 5, null, "j8").get("reason").asText();
            assertTrue(reason.startsWith("command b'{\"id\":\"j8\",\"command\":\"add\"") && reason.endsWith(
                    ": 'sleeper' already exist"), reason);
            peer.send("{\"id\":\"j9\",\"command\":\"add\",\"properties\":{\"name\":\"y\",\"cmd\":\"sleep\","
                    + "\"options\":[1]}}");
            error(peer.text(), 3, "'options' property should be an object", "j9");
            peer.send("{\"id\":\"j10\",\"command\":\"add\",\"properties\":{\"name\":\"y\",\"cmd\":\"sleep\","
                    + "\"options\":{\"numprocesses\":\"2\"}}}");
            error(peer.text(), 3, "'numprocesses' isn't an integer", "j10");
            assertTrue(d.arbiter.watcher("y").isEmpty(), "a refused add adds nothing");

            // Options and an args list; not started: stopped until started by name.
            peer.send("{\"id\":\"j11\",\"command\":\"add\",\"properties\":{\"name\":\"opts\",\"cmd\":\"sleep\","
                    + "\"args\":[\"3600\"],\"options\":{\"numprocesses\":2,\"send_hup\":true,\"graceful_timeout\":4,"
                    + "\"env\":{\"A\":\"1\"}}}}");
            ok(peer.text(), "j11");
            peer.send("{\"id\":\"j12\",\"command\":\"options\",\"properties\":{\"name\":\"opts\"}}");
            JsonNode o = ok(peer.text(), "j12", "options").get("options");
            assertTrue(o.get("send_hup").asBoolean());
            assertEquals(2, o.get("numprocesses").asInt());
            assertEquals(4.0, o.get("graceful_timeout").asDouble());
            assertEquals("{\"A\":\"1\"}", o.get("env").toString());
            assertEquals("3600", o.get("args").asText());
            assertEquals(WatcherState.STOPPED, d.arbiter.watcher("opts").orElseThrow().state());

            // rm with nostop leaves the process running, unmanaged.
            peer.send("{\"id\":\"j13\",\"command\":\"rm\",\"properties\":{\"name\":\"SLEEPER\",\"nostop\":true,"
                    + "\"waiting\":true}}");
            long orphan = d.events.all().stream().filter(e -> "Sleeper".equals(e.watcher()) && e.pid() != 0)
                    .findFirst().orElseThrow().pid();
            ok(peer.text(), "j13");
            assertTrue(Pids.alive(orphan));
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);
            Pids.awaitDead(orphan);
        }
    }

    @Test
    void reloadAndReloadconfig() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("web", 1).build()); RawPeer peer = d.peer()) {
            List<Long> before = d.arbiter.watcher("web").orElseThrow().pids();
            peer.send("{\"id\":\"h1\",\"command\":\"reload\",\"properties\":{\"name\":\"web\",\"waiting\":true}}");
            JsonNode info = ok(peer.text(), "h1", "info").get("info");
            assertEquals(sorted(before), sorted(longs(info.get("stopped"))), info.toString());
            List<Long> after = d.arbiter.watcher("web").orElseThrow().pids();
            assertEquals(sorted(after), sorted(longs(info.get("started"))), info.toString());
            assertEquals(List.of(), longs(info.get("kept")));
            assertNotEquals(before, after);

            peer.send("{\"id\":\"h4\",\"command\":\"reload\",\"properties\":{\"waiting\":true,\"sequential\":true}}");
            ok(peer.text(), "h4");
            peer.send("{\"id\":\"h5\",\"command\":\"reload\",\"properties\":{\"name\":\"nope\"}}");
            error(peer.text(), 3, "program nope not found", "h5");
            peer.send("{\"id\":\"h6\",\"command\":\"reload\",\"properties\":{\"graceful\":\"no\"}}");
            error(peer.text(), 3, "message invalid 'graceful' must be a boolean, got a string", "h6");

            peer.send("{\"id\":\"k1\",\"command\":\"reloadconfig\",\"properties\":{\"waiting\":true}}");
            ok(peer.text(), "k1");
        }
    }

    @Test
    void quitWithWaitingAnswersOnceEverythingStopped() throws Exception {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("web", 2).build()); RawPeer peer = d.peer()) {
            List<Long> pids = d.arbiter.watcher("web").orElseThrow().pids();
            peer.send("{\"id\":\"q1\",\"command\":\"quit\",\"properties\":{\"waiting\":true}}");
            ok(peer.text(), "q1");
            d.arbiter.terminated().get(30, TimeUnit.SECONDS);
            pids.forEach(pid -> assertTrue(!Pids.alive(pid), "stopped before the reply: " + pid));
        }
    }

    @Test
    void castsRunAndAreNeverAnswered() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("flappy", 1).build()); RawPeer peer = d.peer()) {
            peer.send("{\"command\":\"stop\",\"msg_type\":\"cast\",\"properties\":{\"name\":\"flappy\"}}");
            peer.send("{\"command\":\"nope\",\"msg_type\":\"cast\"}");
            peer.send("{\"msg_type\":\"cast\",\"properties\":{}}");
            Await.until("flappy stopped", () -> d.arbiter.watcher("flappy").orElseThrow().state() == WatcherState.STOPPED);
            peer.send("{\"id\":\"after\",\"command\":\"numwatchers\"}");
            ok(peer.text(), "after", "numwatchers");
            assertNull(peer.frames(Duration.ofMillis(300)), "nothing else was sent");
        }
    }

    /**
     * A waiting stop that takes seconds (the process ignores SIGTERM) holds up neither the channel
     * nor commands sent after it: they are answered first, and the stop's reply follows by id.
     */
    @Test
    void aLongWaitingCommandBlocksNothingElse() {
        WatcherConfig stubborn = WatcherConfig.builder("stubborn", "sh")
                .args("-c 'trap \"\" TERM; while :; do sleep 0.2; done'").gracefulTimeout(Duration.ofSeconds(2)).build();
        try (ZmqDaemon d = ZmqDaemon.started(stubborn, TestChildren.sleepers("web", 1).build());
             RawPeer peer = d.peer(); RawPeer other = d.peer()) {
            long started = System.nanoTime();
            peer.send("{\"id\":\"slow\",\"command\":\"stop\",\"properties\":{\"name\":\"stubborn\",\"waiting\":true}}");
            peer.send("{\"id\":\"quick\",\"command\":\"list\"}");
            ok(peer.text(), "quick", "watchers");
            Await.until("another client sees stubborn stopping", () -> {
                other.send("{\"id\":\"other\",\"command\":\"status\",\"properties\":{\"name\":\"stubborn\"}}");
                return ReplyAssert.parse(other.text()).get("status").asText().equals("stopping");
            });
            // Both answers came while the stop was still waiting: the quick one before it, the other client's
            // while the watcher was seen stopping.
            ok(peer.text(), "slow", "info");
            assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(1500), "after graceful_timeout");
        }
    }

    private static List<Long> sorted(List<Long> pids) {
        return pids.stream().sorted().toList();
    }
}
