package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.HookConfig;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.CircusConsumer;
import io.circus.zmq.client.Message;
import io.circus.zmq.client.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hooks seen from a Circus client: hook_success / hook_failure on the pub/sub channel, and set hooks.NAME. */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class HookEventsTest {

    @Test
    void hookEventsCarryCircusTopicsAndPayloads() {
        try (ZmqDaemon d = ZmqDaemon.started(io.circus.testing.TestChildren.sleepers("hooked", 1)
                .hook("before_stop", new HookConfig("exec:/bin/false", true))
                .hook("after_stop", new HookConfig("exec:/bin/true", true)).build());
             CircusConsumer events = EventChannelTest.subscribed(d); CircusClient circus = d.client()) {
            assertFalse(circus.call("stop", Map.of("name", "hooked", "waiting", true)).isError());
            List<Message> seen = EventChannelTest.until(events, m -> m.topic().equals("watcher.hooked.hook_success"));
            List<String> topics = seen.stream().map(Message::topic).filter(t -> t.startsWith("watcher.")).toList();
            assertEquals(List.of("watcher.hooked.hook_failure", "watcher.hooked.kill", "watcher.hooked.reap",
                    "watcher.hooked.stop", "watcher.hooked.hook_success"), topics);
            Message failure = seen.stream().filter(m -> m.topic().endsWith("hook_failure")).findFirst().orElseThrow();
            assertEquals(List.of("name", "time", "error", "seq"), ReplyAssert.keys(failure.payload()));
            assertEquals("before_stop", failure.payload().get("name").asText());
            assertEquals("exited with code 1", failure.payload().get("error").asText());
            Message success = seen.getLast();
            assertEquals(List.of("name", "time", "seq"), ReplyAssert.keys(success.payload()));
            assertEquals("after_stop", success.payload().get("name").asText());
            assertTrue(success.payload().get("time").isDouble());
            // The Watcher MBean counts each hook's calls and failures.
            Map<String, String> hooks = hooksAttribute(d, "hooked");
            assertEquals("exec:/bin/false, true; calls 1, false 0, failures 1, timeouts 0; last error: exited with code 1",
                    hooks.get("before_stop"));
            assertEquals("exec:/bin/true, true; calls 1, false 0, failures 0, timeouts 0", hooks.get("after_stop"));
        }
    }

    private static Map<String, String> hooksAttribute(ZmqDaemon d, String watcher) {
        try {
            var table = (javax.management.openmbean.TabularData) d.server.getAttribute(
                    io.circus.jmx.CircusNames.watcher(watcher), "Hooks");
            Map<String, String> rows = new java.util.TreeMap<>();
            for (Object row : table.values()) {
                var cd = (javax.management.openmbean.CompositeData) row;
                rows.put((String) cd.get("key"), (String) cd.get("value"));
            }
            return rows;
        } catch (javax.management.JMException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void setHooksAtRunTimeAndAPythonNameIsRefusedWithWhatToWrite() {
        try (ZmqDaemon d = ZmqDaemon.started(io.circus.testing.TestChildren.sleepers("hooked", 1).build()); CircusClient circus = d.client()) {
            Reply ok = circus.call("set", Map.of("name", "hooked", "options", Map.of("hooks.before_stop", "exec:/bin/true"),
                    "waiting", true));
            assertFalse(ok.isError(), ok.toString());
            assertEquals("exec:/bin/true",
                    d.arbiter.watcher("hooked").orElseThrow().config().hooks().get("before_stop").target());
            Reply python = circus.call("set", Map.of("name", "hooked", "options",
                    Map.of("hooks.after_stop", "mymodule.myhook"), "waiting", true));
            assertTrue(python.isError(), python.toString());
            assertTrue(python.reason().contains("'mymodule.myhook' is a Python hook"), python.reason());
            assertTrue(python.reason().contains("java:com.example.Hooks#myhook"), python.reason());
            assertFalse(d.arbiter.watcher("hooked").orElseThrow().config().hooks().containsKey("after_stop"));
        }
    }

    /** An extended_stats hook, found through the daemon's own class path (the extension loader's parent). */
    public static final class StatsHooks {
        private StatsHooks() {
        }

        public static boolean add(io.circus.hook.HookContext context) {
            context.stats().put("extra", 42);
            context.stats().put("label", "pid " + context.pid());
            return true;
        }
    }

    @Test
    void statsExtendedRunsTheExtendedStatsHook() {
        try (ZmqDaemon d = ZmqDaemon.started(io.circus.testing.TestChildren.sleepers("hooked", 1).hook("extended_stats",
                new HookConfig("java:io.circus.zmq.HookEventsTest$StatsHooks#add", true)).build());
             CircusClient circus = d.client()) {
            long pid = d.arbiter.watcher("hooked").orElseThrow().pids().getFirst();
            Reply plain = circus.call("stats", Map.of("name", "hooked"));
            assertFalse(plain.get("info").get(Long.toString(pid)).has("extra"), plain.toString());
            Reply extended = circus.call("stats", Map.of("name", "hooked", "extended", true));
            assertEquals(42, extended.get("info").get(Long.toString(pid)).get("extra").asInt(), extended.toString());
            assertTrue(extended.get("info").get(Long.toString(pid)).get("extra").isIntegralNumber());
            assertEquals("pid " + pid, extended.get("info").get(Long.toString(pid)).get("label").asText());
            Reply one = circus.call("stats", Map.of("name", "hooked", "process", pid, "extended", true));
            assertEquals(42, one.get("info").get("extra").asInt(), one.toString());
        }
    }
}
