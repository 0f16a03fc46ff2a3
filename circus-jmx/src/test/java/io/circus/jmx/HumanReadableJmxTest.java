package io.circus.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.TestChildren;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** What item 4 of the web/monitoring issue asks: JMX readable by people (JConsole) and by tools (jmxterm). */
class HumanReadableJmxTest {

    private static final ObjectName WATCHER = CircusNames.watcher("w");
    private static final ObjectName WID1 = CircusNames.process("w", 1);

    @Test
    void numericStatesIsoTimesAndTextSignalReplies() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(TestChildren.sleepers("w", 1).build())) {
            assertEquals(1, m.attr(WATCHER, "StateCode"), "active");
            assertEquals(1, m.attr(WID1, "StateCode"), "running");
            long millis = (Long) m.attr(WID1, "StartTime");
            assertEquals(Instant.ofEpochMilli(millis).toString(), m.attr(WID1, "StartTimeIso"));
            long arbiterMillis = (Long) m.attr(CircusNames.ARBITER, "StartTime");
            assertEquals(Instant.ofEpochMilli(arbiterMillis).toString(), m.attr(CircusNames.ARBITER, "StartTimeIso"));
            assertInstanceOf(Double.class, m.attr(WID1, "CpuSeconds"));

            long pid = (Long) m.attr(WID1, "Pid");
            Object sent = m.mbsc.invoke(WID1, "sendSignal", new Object[] {"CONT"}, new String[] {"java.lang.String"});
            assertArrayEquals(new String[] {Long.toString(pid)}, (String[]) sent);
            Object all = m.mbsc.invoke(WATCHER, "sendSignal", new Object[] {"CONT"}, new String[] {"java.lang.String"});
            assertArrayEquals(new String[] {Long.toString(pid)}, (String[]) all);

            m.mbsc.invoke(WATCHER, "stop", new Object[] {true}, new String[] {"boolean"});
            assertEquals(0, m.attr(WATCHER, "StateCode"), "stopped");
        }
    }

    @Test
    void optionsAsRowsAndOneOptionByASingleTextArgument() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(TestChildren.sleepers("w", 1).build())) {
            TabularData rows = (TabularData) m.attr(WATCHER, "OptionTable");
            Map<String, String> seen = new java.util.HashMap<>();
            for (Object row : rows.values()) {
                CompositeData cd = (CompositeData) row;
                seen.put((String) cd.get("key"), (String) cd.get("value"));
            }
            assertEquals("5.0", seen.get("graceful_timeout"));
            assertEquals("1", seen.get("numprocesses"));
            assertEquals("5.0", m.mbsc.invoke(WATCHER, "getOption", new Object[] {"graceful_timeout"},
                    new String[] {"java.lang.String"}));
            Exception bad = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> m.mbsc.invoke(WATCHER,
                    "getOption", new Object[] {"nope"}, new String[] {"java.lang.String"}));
            assertTrue(String.valueOf(rootMessage(bad)).contains("'nope' option not found"), rootMessage(bad));
        }
    }

    @Test
    void recentEventsAndNotificationsSpeakEnglish() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(TestChildren.sleepers("w", 1).build())) {
            BlockingQueue<Notification> got = new LinkedBlockingQueue<>();
            m.mbsc.addNotificationListener(WATCHER, (n, h) -> got.add(n), null, null);
            m.mbsc.invoke(WATCHER, "incr", new Object[] {1, true}, new String[] {"int", "boolean"});
            List<String> messages = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (messages.stream().noneMatch(s -> s.startsWith("w wid 2 (pid ") && s.endsWith(") started"))
                    && System.nanoTime() < deadline) {
                Notification n = got.poll(200, TimeUnit.MILLISECONDS);
                if (n != null) {
                    messages.add(n.getMessage());
                }
            }
            assertTrue(messages.stream().anyMatch(s -> s.matches("w wid 2 \\(pid \\d+\\) started")), messages.toString());

            CompositeData[] events = (CompositeData[]) m.mbsc.invoke(CircusNames.ARBITER, "events", new Object[] {0L},
                    new String[] {"long"});
            List<String> texts = java.util.Arrays.stream(events).map(e -> (String) e.get("message")).toList();
            assertTrue(texts.stream().anyMatch(s -> s.matches("w wid 2 \\(pid \\d+\\) started")), texts.toString());
            long last = (Long) events[events.length - 1].get("seq");
            CompositeData[] none = (CompositeData[]) m.mbsc.invoke(CircusNames.ARBITER, "events", new Object[] {last},
                    new String[] {"long"});
            assertTrue(none.length == 0 || (Long) none[0].get("seq") > last);
            Instant.parse((String) events[0].get("time"));
        }
    }

    @Test
    void theTailOfAWatchersOutput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var config = io.circus.config.WatcherConfig.builder("w", "/bin/sh").shell(false)
                .args("-c 'echo one; echo two >&2; printf three; exec sleep 3600'").numProcesses(1)
                .gracefulTimeout(java.time.Duration.ofSeconds(5))
                .stdoutStream(new io.circus.config.StreamConfig("FileStream", Map.of("filename", dir.resolve("o").toString())))
                .stderrStream(new io.circus.config.StreamConfig("FileStream", Map.of("filename", dir.resolve("e").toString())))
                .build();
        try (ManagedArbiter m = ManagedArbiter.started(config)) {
            long pid = (Long) m.attr(WID1, "Pid");
            String[] sig = {"java.lang.String", "int"};
            io.circus.testing.Await.until("stdout tail", () -> tail(m, "stdout", 10).length == 1);
            assertArrayEquals(new String[] {"[" + pid + "] one"}, tail(m, "stdout", 10));
            io.circus.testing.Await.until("stderr tail", () -> tail(m, "stderr", 10).length == 1);
            assertArrayEquals(new String[] {"[" + pid + "] two"}, tail(m, "stderr", 10));
            Exception bad = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> m.mbsc.invoke(WATCHER, "tail", new Object[] {"stdin", 5}, sig));
            assertTrue(rootMessage(bad).contains("stream must be stdout or stderr, got 'stdin'"), rootMessage(bad));
            m.mbsc.invoke(WATCHER, "stop", new Object[] {true}, new String[] {"boolean"});
            assertArrayEquals(new String[] {"[" + pid + "] one", "[" + pid + "] three"}, tail(m, "stdout", 10),
                    "the unfinished line ends with the process");
        }
    }

    private static String[] tail(ManagedArbiter m, String stream, int lines) {
        try {
            return (String[]) m.mbsc.invoke(WATCHER, "tail", new Object[] {stream, lines}, new String[] {"java.lang.String", "int"});
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
