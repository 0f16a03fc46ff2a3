package io.circus.zmq;

import static io.circus.zmq.ReplyAssert.error;
import static io.circus.zmq.ReplyAssert.keys;
import static io.circus.zmq.ReplyAssert.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.runtime.Watcher;
import io.circus.testing.Await;
import io.circus.testing.Pids;
import io.circus.testing.TestChildren;
import java.util.List;
import org.junit.jupiter.api.Test;

/** incr, decr, set, signal, kill, stats, dstats (§2.13, §3.8-3.11, §3.18, §11.3-11.4). */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class ProcessCommandsTest {

    private static final List<String> INFO_KEYS = List.of("mem_info1", "mem_info2", "cpu", "mem", "ctime", "pid",
            "username", "nice", "create_time", "age", "cmdline", "children");

    @Test
    void incrAndDecr() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 2).build(),
                TestChildren.sleepers("single", 1).singleton(true).build()); RawPeer peer = d.peer()) {
            // Without waiting, no numprocesses: Circus's reply, which circusctl prints as "ok".
            peer.send("{\"id\":\"d3\",\"command\":\"incr\",\"properties\":{\"name\":\"sleeper\"}}");
            ok(peer.text(), "d3");
            peer.send("{\"id\":\"d4\",\"command\":\"incr\",\"properties\":{\"name\":\"sleeper\",\"nb\":2,\"waiting\":true}}");
            assertEquals(5, ok(peer.text(), "d4", "numprocesses").get("numprocesses").asInt());
            d.arbiter.watcher("sleeper").orElseThrow();
            Await.until("5 sleepers", () -> d.arbiter.watcher("sleeper").orElseThrow().pids().size() == 5);

            for (int expected : new int[] {0, 0}) {
                peer.send("{\"id\":\"d5\",\"command\":\"decr\",\"properties\":{\"name\":\"sleeper\",\"nb\":100,"
                        + "\"waiting\":true}}");
                assertEquals(expected, ok(peer.text(), "d5", "numprocesses").get("numprocesses").asInt());
            }
            peer.send("{\"id\":\"d6\",\"command\":\"incr\",\"properties\":{\"name\":\"sleeper\",\"waiting\":true}}");
            assertEquals(1, ok(peer.text(), "d6", "numprocesses").get("numprocesses").asInt());

            peer.send("{\"id\":\"s1\",\"command\":\"incr\",\"properties\":{\"name\":\"single\"}}");
            JsonNode s = ok(peer.text(), "s1", "numprocesses", "singleton");
            assertEquals(1, s.get("numprocesses").asInt());
            assertTrue(s.get("singleton").asBoolean());
            assertEquals(1, d.arbiter.watcher("single").orElseThrow().config().numProcesses());

            peer.send("{\"id\":\"d7\",\"command\":\"incr\",\"properties\":{\"name\":\"sleeper\",\"nb\":\"2\"}}");
            error(peer.text(), 3, "message invalid 'nb' must be an integer, got a string", "d7");
            peer.send("{\"id\":\"d8\",\"command\":\"decr\",\"properties\":{\"nb\":1}}");
            error(peer.text(), 3, "message invalid 'name' is missing", "d8");
        }
    }

    @Test
    void setAndGet() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build(),
                TestChildren.sleepers("single", 1).singleton(true).build()); RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"i1\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":"
                    + "{\"numprocesses\":3},\"waiting\":true}}");
            ok(peer.text(), "i1");
            Await.until("3 sleepers", () -> d.arbiter.watcher("sleeper").orElseThrow().pids().size() == 3);

            peer.send("{\"id\":\"i4\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":"
                    + "{\"numprocesses\":\"3\"}}}");
            error(peer.text(), 3, "'numprocesses' isn't an integer", "i4");
            peer.send("{\"id\":\"i5\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":"
                    + "{\"stop_signal\":\"TERM\"}}}");
            error(peer.text(), 3, "'stop_signal' isn't an integer", "i5");
            peer.send("{\"id\":\"i6\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":"
                    + "{\"env\":{\"test\":2}}}}");
            error(peer.text(), 3, "'test' isn't a string", "i6");
            peer.send("{\"id\":\"i7\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"bogus\":1}}}");
            error(peer.text(), 3, "unknown key 'bogus'", "i7");
            peer.send("{\"id\":\"i8\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\"}}");
            error(peer.text(), 3, "message invalid 'options' is missing", "i8");
            peer.send("{\"id\":\"i9\",\"command\":\"set\",\"properties\":{\"name\":\"single\",\"options\":"
                    + "{\"numprocesses\":2}}}");
            assertTrue(error(peer.text(), 5, null, "i9").get("reason").asText()
                    .endsWith(": Singleton watcher has a single process"));
            assertEquals(3, d.arbiter.watcher("sleeper").orElseThrow().config().numProcesses(), "refusals change nothing");

            peer.send("{\"id\":\"i10\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":"
                    + "{\"env\":{\"test\":\"2\"},\"graceful_timeout\":7},\"waiting\":true}}");
            ok(peer.text(), "i10");
            peer.send("{\"id\":\"i11\",\"command\":\"get\",\"properties\":{\"name\":\"sleeper\",\"keys\":"
                    + "[\"env\",\"graceful_timeout\"]}}");
            String text = peer.text();
            ok(text, "i11", "options");
            assertTrue(text.contains("\"options\": {\"env\": {\"test\": \"2\"}, \"graceful_timeout\": 7.0}"), text);
        }
    }

    @Test
    void signalAndKill() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 2).build()); RawPeer peer = d.peer()) {
            Watcher w = d.arbiter.watcher("sleeper").orElseThrow();
            long victim = w.pids().getFirst();
            peer.send("{\"id\":\"f1\",\"command\":\"signal\",\"properties\":{\"name\":\"sleeper\",\"signum\":\"SIGUSR1\","
                    + "\"pid\":" + victim + "}}");
            ok(peer.text(), "f1");
            Pids.awaitDead(victim);
            Await.until("respawned", () -> w.pids().size() == 2 && !w.pids().contains(victim));

            peer.send("{\"id\":\"f3\",\"command\":\"signal\",\"properties\":{\"name\":\"sleeper\"}}");
            error(peer.text(), 3, "message invalid 'signum' is missing", "f3");
            peer.send("{\"id\":\"f4\",\"command\":\"signal\",\"properties\":{\"name\":\"sleeper\",\"signum\":9,"
                    + "\"childpid\":1}}");
            String reason = error(peer.text(), 5, null, "f4").get("reason").asText();
            assertTrue(reason.startsWith("command b'{\"id\":\"f4\"") && reason.endsWith(
                    ": cannot specify childpid without pid"), reason);
            peer.send("{\"id\":\"f5\",\"command\":\"signal\",\"properties\":{\"name\":\"sleeper\",\"signum\":\"FOO\"}}");
            assertTrue(error(peer.text(), 5, null, "f5").get("reason").asText().contains("unknown signal 'FOO'"));
            peer.send("{\"id\":\"f6\",\"command\":\"signal\",\"properties\":{\"name\":\"sleeper\",\"signum\":\"\"}}");
            error(peer.text(), 3, "signal invalid", "f6");
            peer.send("{\"id\":\"f7\",\"command\":\"signal\",\"properties\":{\"name\":\"sleeper\",\"signum\":\"HUP\","
                    + "\"pid\":1}}");
            error(peer.text(), 3, "process 1 not found in 'sleeper'", "f7");
            assertEquals(2, w.pids().size(), "the refused signals sent nothing");

            long killed = w.pids().getFirst();
            peer.send("{\"id\":\"g1\",\"command\":\"kill\",\"properties\":{\"name\":\"sleeper\",\"pid\":" + killed
                    + ",\"signum\":\"sigint\",\"graceful_timeout\":1,\"waiting\":true}}");
            ok(peer.text(), "g1");
            assertFalse(Pids.alive(killed));
            Await.until("replaced", () -> w.pids().size() == 2 && !w.pids().contains(killed));

            // Circus answers ok without waiting and errno 6 with; the watcher is known to be missing at once.
            peer.send("{\"id\":\"g4\",\"command\":\"kill\",\"properties\":{\"name\":\"nothere\",\"waiting\":true}}");
            error(peer.text(), 3, "program nothere not found", "g4");
            peer.send("{\"id\":\"g5\",\"command\":\"kill\",\"properties\":{\"name\":\"sleeper\",\"pid\":\"x\"}}");
            error(peer.text(), 3, null, "g5");
        }
    }

    /**
     * Circus's reach of {@code signal}: the process alone; {@code children}: its direct children only
     * (with or without {@code recursive}); {@code recursive}: the process and every descendant. STOP
     * shows who was reached without killing anyone.
     */
    @Test
    void signalReachesWhatCircusReaches() throws Exception {
        var tree = io.circus.config.WatcherConfig.builder("tree", "/bin/sh")
                .args("-c 'sh -c \"sleep 3600 & wait\" & wait'").gracefulTimeout(java.time.Duration.ofSeconds(2)).build();
        try (ZmqDaemon d = ZmqDaemon.started(tree); RawPeer peer = d.peer()) {
            Watcher w = d.arbiter.watcher("tree").orElseThrow();
            Await.until("a process", () -> w.pids().size() == 1);
            long parent = w.pids().getFirst();
            ProcessHandle root = ProcessHandle.of(parent).orElseThrow();
            Await.until("a child and a grandchild", () -> root.descendants().count() == 2);
            long child = root.children().findFirst().orElseThrow().pid();
            long grandchild = root.descendants().filter(h -> h.pid() != child).findFirst().orElseThrow().pid();
            String[][] cases = {
                    {"", "P"}, {"\"children\":true", "C"}, {"\"children\":true,\"recursive\":true", "C"},
                    {"\"recursive\":true", "PCG"}};
            for (String[] c : cases) {
                String props = c[0].isEmpty() ? "" : "," + c[0];
                peer.send("{\"id\":\"s\",\"command\":\"signal\",\"properties\":{\"name\":\"tree\",\"signum\":\"STOP\""
                        + props + "}}");
                ok(peer.text(), "s");
                String expected = c[1];
                Await.until(c[0] + " stops " + expected, () -> stopped(parent) == expected.contains("P")
                        && stopped(child) == expected.contains("C") && stopped(grandchild) == expected.contains("G"));
                peer.send("{\"id\":\"c\",\"command\":\"signal\",\"properties\":{\"name\":\"tree\",\"signum\":\"CONT\","
                        + "\"recursive\":true}}");
                ok(peer.text(), "c");
                Await.until("all running again", () -> !stopped(parent) && !stopped(child) && !stopped(grandchild));
            }
        }
    }

    /** Whether /proc says the process is stopped by a signal. */
    private static boolean stopped(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'T';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void statsAndDstats() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 2).build(),
                TestChildren.sleepers("Other", 1).autostart(false).build()); RawPeer peer = d.peer()) {
            List<Long> pids = d.arbiter.watcher("sleeper").orElseThrow().pids();
            long pid = pids.getFirst();
            peer.send("{\"id\":\"e2\",\"command\":\"stats\",\"properties\":{\"name\":\"sleeper\",\"process\":" + pid + "}}");
            String text = peer.text();
            JsonNode r = ok(text, "e2", "process", "info");
            assertEquals(pid, r.get("process").asLong());
            checkInfo(r.get("info"), pid, true);
            assertTrue(text.matches(".*\"cpu\": \\d+\\.\\d+.*"), "cpu is a float: " + text);

            peer.send("{\"id\":\"d1\",\"command\":\"stats\",\"properties\":{\"name\":\"sleeper\",\"extended\":false}}");
            r = ok(peer.text(), "d1", "name", "info");
            assertEquals("sleeper", r.get("name").asText());
            assertEquals(pids.stream().map(String::valueOf).toList(), keys(r.get("info")), "string pid keys");
            for (long p : pids) {
                checkInfo(r.get("info").get(Long.toString(p)), p, true);
            }

            peer.send("{\"id\":\"e3\",\"command\":\"stats\"}");
            JsonNode infos = ok(peer.text(), "e3", "infos").get("infos");
            assertEquals("{}", infos.get("Other").toString(), "a stopped watcher");
            assertEquals(2, infos.get("sleeper").size());

            peer.send("{\"id\":\"e4\",\"command\":\"stats\",\"properties\":{\"name\":\"sleeper\",\"process\":1}}");
            error(peer.text(), 3, "process 1 not found in 'sleeper'", "e4");

            peer.send("{\"id\":\"d2\",\"command\":\"dstats\"}");
            JsonNode info = ok(peer.text(), "d2", "info").get("info");
            checkInfo(info, ProcessHandle.current().pid(), false);
            assertEquals("[]", info.get("children").toString());
        }
    }

    /** Circus's get_info object, key by key (§3.18). */
    private static void checkInfo(JsonNode info, long pid, boolean managed) {
        List<String> expected = new java.util.ArrayList<>(INFO_KEYS);
        if (managed) {
            expected.addAll(List.of("started", "wid"));
        }
        assertEquals(expected, keys(info), info.toString());
        assertEquals(pid, info.get("pid").asLong());
        assertTrue(info.get("mem_info1").asText().matches("\\d+(\\.\\d\\d[KMGTPEZY]|B)"), info.toString());
        assertTrue(info.get("mem_info2").asText().matches("\\d+(\\.\\d\\d[KMGTPEZY]|B)"), info.toString());
        assertTrue(info.get("ctime").asText().matches("\\d+:\\d\\d\\.\\d\\d"), info.toString());
        assertTrue(info.get("cpu").isNumber() && info.get("mem").isNumber() && info.get("age").isNumber());
        assertTrue(info.get("create_time").asDouble() > 1e9);
        assertTrue(info.get("nice").isInt());
        assertFalse(info.get("username").asText().isEmpty());
        if (managed) {
            assertEquals("sleep", info.get("cmdline").asText());
            assertTrue(info.get("wid").asInt() >= 1);
            assertTrue(info.get("started").asDouble() > 1e9);
        }
    }
}
