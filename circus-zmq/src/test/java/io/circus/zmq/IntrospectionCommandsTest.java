package io.circus.zmq;

import static io.circus.zmq.ReplyAssert.error;
import static io.circus.zmq.ReplyAssert.keys;
import static io.circus.zmq.ReplyAssert.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.config.WatcherConfig;
import io.circus.testing.TestChildren;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Read-only commands, field by field against the inventory's literal exchanges (§2.13, §3.12-3.17). */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class IntrospectionCommandsTest {

    private static WatcherConfig sleeper() {
        return TestChildren.sleepers("sleeper", 2).build();
    }

    /** Configured with a capital, never started: status keeps the case, list lower-cases it. */
    private static WatcherConfig other() {
        return TestChildren.sleepers("Other", 1).autostart(false).build();
    }

    @Test
    void listStatusAndCounts() {
        try (ZmqDaemon d = ZmqDaemon.started(sleeper(), other()); RawPeer peer = d.peer()) {
            List<Long> pids = d.arbiter.watcher("sleeper").orElseThrow().pids();

            peer.send("{\"id\":\"a1\",\"command\":\"list\",\"properties\":{}}");
            assertEquals("[\"other\",\"sleeper\"]", ok(peer.text(), "a1", "watchers").get("watchers").toString());

            peer.send("{\"id\":\"a2\",\"command\":\"list\",\"properties\":{\"name\":\"sleeper\"}}");
            assertEquals(pids, longs(ok(peer.text(), "a2", "pids").get("pids")));

            // The watcher's state replaces "ok": no "ok" anywhere in the reply.
            peer.send("{\"id\":\"a3\",\"command\":\"status\",\"properties\":{\"name\":\"sleeper\"}}");
            String text = peer.text();
            JsonNode r = ReplyAssert.parse(text);
            assertEquals(List.of("status", "time", "id"), keys(r), text);
            assertEquals("active", r.get("status").asText());
            ReplyAssert.checkTimeAndId(text, r, "a3");

            peer.send("{\"id\":\"a4\",\"command\":\"status\"}");
            assertEquals("{\"Other\":\"stopped\",\"sleeper\":\"active\"}",
                    ok(peer.text(), "a4", "statuses").get("statuses").toString());

            peer.send("{\"id\":\"c1\",\"command\":\"Status\",\"properties\":{\"name\":\"OTHER\"}}");
            assertEquals("stopped", ReplyAssert.parse(peer.text()).get("status").asText(), "case-insensitive everywhere");

            peer.send("{\"id\":\"c2\",\"command\":\"numwatchers\"}");
            assertEquals(2, ok(peer.text(), "c2", "numwatchers").get("numwatchers").asInt());
            peer.send("{\"id\":\"c3\",\"command\":\"numprocesses\"}");
            assertEquals(2, ok(peer.text(), "c3", "numprocesses").get("numprocesses").asInt());
            peer.send("{\"id\":\"c4\",\"command\":\"numprocesses\",\"properties\":{\"name\":\"SLEEPER\"}}");
            JsonNode n = ok(peer.text(), "c4", "numprocesses", "watcher_name");
            assertEquals(2, n.get("numprocesses").asInt());
            assertEquals("SLEEPER", n.get("watcher_name").asText(), "echoed exactly as sent");

            peer.send("{\"id\":\"a8\",\"command\":\"listsockets\"}");
            assertEquals("[]", ok(peer.text(), "a8", "sockets").get("sockets").toString());

            peer.send("{\"id\":\"b3\",\"command\":\"list\",\"properties\":{\"name\":\"missing\"}}");
            error(peer.text(), 3, "program missing not found", "b3");
        }
    }

    @Test
    void optionsGetAndGlobalOptions() {
        try (ZmqDaemon d = ZmqDaemon.started(sleeper()); RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"a7\",\"command\":\"globaloptions\"}");
            String text = peer.text();
            JsonNode g = ok(text, "a7", "options").get("options");
            assertEquals(List.of("endpoint", "stats_endpoint", "pubsub_endpoint", "check_delay", "multicast_endpoint"),
                    keys(g), "Circus's order");
            assertEquals(ZmqDaemon.ANY_PORT, g.get("endpoint").asText(), "as configured");
            assertEquals("tcp://127.0.0.1:5557", g.get("stats_endpoint").asText(), "reported even when stats are off");
            assertTrue(text.contains("\"check_delay\": 5.0"), "a float: " + text);

            peer.send("{\"id\":\"a9\",\"command\":\"globaloptions\",\"properties\":{\"option\":\"check_delay\"}}");
            assertEquals(List.of("check_delay"), keys(ok(peer.text(), "a9", "options").get("options")));
            peer.send("{\"id\":\"a10\",\"command\":\"globaloptions\",\"properties\":{\"option\":\"nope\"}}");
            error(peer.text(), 3, "'nope' not an existing option", "a10");

            peer.send("{\"id\":\"a5\",\"command\":\"options\",\"properties\":{\"name\":\"sleeper\"}}");
            text = peer.text();
            JsonNode o = ok(text, "a5", "options").get("options");
            List<String> sorted = new ArrayList<>(keys(o));
            sorted.sort(null);
            assertEquals(sorted, keys(o), "sorted keys");
            assertTrue(keys(o).containsAll(List.of("numprocesses", "warmup_delay", "working_dir", "uid", "gid",
                    "send_hup", "stop_signal", "stop_children", "shell", "shell_args", "env", "max_retry", "cmd", "args",
                    "respawn", "graceful_timeout", "executable", "use_sockets", "priority", "copy_env", "singleton",
                    "stdout_stream_conf", "on_demand", "stderr_stream_conf", "max_age", "max_age_variance",
                    "close_child_stdin", "close_child_stdout", "close_child_stderr")), "Circus's optnames: " + text);
            assertEquals(2, o.get("numprocesses").asInt());
            assertEquals(15, o.get("stop_signal").asInt(), "an int");
            assertTrue(text.contains("\"graceful_timeout\": 5.0"), text);
            assertEquals("sleep", o.get("cmd").asText());

            peer.send("{\"id\":\"i3\",\"command\":\"get\",\"properties\":{\"name\":\"sleeper\",\"keys\":"
                    + "[\"max_retry\",\"respawn\",\"graceful_timeout\",\"numprocesses\"]}}");
            text = peer.text();
            JsonNode got = ok(text, "i3", "options").get("options");
            assertEquals(List.of("max_retry", "respawn", "graceful_timeout", "numprocesses"), keys(got), "as asked");
            assertTrue(text.contains("{\"max_retry\": 5, \"respawn\": true, \"graceful_timeout\": 5.0, \"numprocesses\": 2}"),
                    text);

            peer.send("{\"id\":\"b2\",\"command\":\"get\",\"properties\":{\"name\":\"sleeper\"}}");
            error(peer.text(), 3, "message invalid 'keys' is missing", "b2");
            peer.send("{\"id\":\"b4\",\"command\":\"get\",\"properties\":{\"name\":\"sleeper\",\"keys\":[\"bogus\"]}}");
            error(peer.text(), 3, "'bogus' option not found", "b4");
            peer.send("{\"id\":\"b5\",\"command\":\"options\",\"properties\":{}}");
            error(peer.text(), 3, "message invalid 'name' is missing", "b5");
        }
    }

    @Test
    void idsAreEchoedVerbatimAndOtherAnswers() {
        try (ZmqDaemon d = ZmqDaemon.started(sleeper()); RawPeer peer = d.peer()) {
            peer.send("{\"id\":5,\"command\":\"numwatchers\"}");
            assertTrue(peer.text().endsWith("\"id\": 5}"));
            peer.send("{\"command\":\"numwatchers\"}");
            assertTrue(peer.text().endsWith("\"id\": null}"));
            peer.send("{\"id\":null,\"command\":\"numwatchers\"}");
            assertTrue(peer.text().endsWith("\"id\": null}"));
            peer.send("{\"id\":{\"k\":[1,2.5,\"\u00e9\"]},\"command\":\"numwatchers\"}");
            assertTrue(peer.text().endsWith("\"id\": {\"k\": [1, 2.5, \"\\u00e9\"]}}"));

            peer.send("{\"id\":\"l1\",\"command\":\"listen\",\"properties\":{}}");
            error(peer.text(), 3, "invalid message. use a pub/sub socket", "l1");
            peer.send("{\"id\":\"b1\",\"command\":\"nope\"}");
            error(peer.text(), 2, "unknown command: 'nope'", "b1");
            peer.send("{\"id\":\"b1\",\"command\":\"NoPe\"}");
            error(peer.text(), 2, "unknown command: 'NoPe'", "b1");
            peer.send("{\"id\":\"p1\",\"command\":\"ipython\"}");
            JsonNode ip = ok(peer.text(), "p1", "shell", "msg");
            assertEquals(false, ip.get("shell").asBoolean(true));
        }
    }

    static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
