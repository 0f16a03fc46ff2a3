package io.circus.jmx;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.Await;
import io.circus.testing.Pids;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeChangeNotification;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The management contract over a real RMI connection to an arbiter with real children. */
class RemoteManagementTest {

    private static final ObjectName SLEEPERS = CircusNames.watcher("sleepers");

    @AfterEach
    void nothingOfOursIsLeftRegistered() {
        assertEquals(Set.of(), ManagementFactory.getPlatformMBeanServer().queryNames(CircusNames.ALL, null));
    }

    private static Object invoke(MBeanServerConnection c, ObjectName name, String op, Object... args) throws Exception {
        String[] signature = switch (op) {
            case "incr", "decr" -> new String[] {"int", "boolean"};
            case "removeWatcher" -> new String[] {"java.lang.String", "boolean", "boolean"};
            case "signal" -> name.getKeyProperty("type").equals("Watcher")
                    ? new String[] {"java.lang.String", "long", "long", "boolean", "boolean"}
                    : new String[] {"java.lang.String", "boolean", "boolean"};
            case "setOption" -> new String[] {"java.lang.String", "java.lang.String", "boolean"};
            case "stop", "start", "quit" -> new String[] {"boolean"};
            default -> throw new IllegalArgumentException(op);
        };
        return c.invoke(name, op, args, signature);
    }

    @Test
    void everyBeanOfTheModelIsListed() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 2).build(), sleepers("other", 1).build())) {
            Await.until("3 process beans", () -> m.count(CircusNames.PROCESSES) == 3);
            Set<ObjectName> names = m.mbsc.queryNames(CircusNames.ALL, null);
            assertEquals(Set.of(CircusNames.ARBITER, io.circus.jmx.audit.AuditTrail.NAME, SLEEPERS, CircusNames.watcher("other"),
                    CircusNames.process("sleepers", 1), CircusNames.process("sleepers", 2),
                    CircusNames.process("other", 1)), names);
            assertEquals(2, m.mbsc.getAttribute(CircusNames.ARBITER, "NumWatchers"));
            assertEquals(3, m.mbsc.getAttribute(CircusNames.ARBITER, "NumProcesses"));
            assertEquals("active", m.mbsc.getAttribute(SLEEPERS, "State"));
            long[] pids = (long[]) m.mbsc.getAttribute(SLEEPERS, "Pids");
            assertEquals(pids[0], m.mbsc.getAttribute(CircusNames.process("sleepers", 1), "Pid"));
            assertEquals("sleep 3600", m.mbsc.getAttribute(CircusNames.process("sleepers", 1), "Cmdline"));
            assertEquals(m.handle.serviceUrl().orElseThrow().toString(),
                    ((CompositeData) m.mbsc.getAttribute(CircusNames.ARBITER, "Endpoints")).get("jmx"));
        }
    }

    @Test
    void incrRegistersTheNewProcessBeanAndSendsItsSpawn() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 2).build())) {
            NotificationLog log = new NotificationLog();
            m.mbsc.addNotificationListener(SLEEPERS, log, null, null);

            assertEquals(3, invoke(m.mbsc, SLEEPERS, "incr", 1, true));

            ObjectName third = CircusNames.process("sleepers", 3);
            assertTrue(m.mbsc.isRegistered(third), "a waiting operation returns with its beans registered");
            long pid = (Long) m.mbsc.getAttribute(third, "Pid");
            Notification spawn = log.await(NotificationTypes.SPAWN, cd -> cd.get("pid").equals(pid), "spawn of wid 3");
            CompositeData data = (CompositeData) spawn.getUserData();
            assertEquals("sleepers", data.get("watcher"));
            assertEquals(3, data.get("wid"));
            assertEquals(spawn.getSequenceNumber(), data.get("seq"));
            assertTrue((Long) data.get("seq") <= (Long) m.mbsc.getAttribute(CircusNames.ARBITER, "LastEventSeq"));
        }
    }

    @Test
    void aChildKilledFromOutsideIsReportedWithCauseAndCode() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            ObjectName slot = CircusNames.process("sleepers", 1);
            long pid = Await.value("wid 1 runs", () -> pidOf(m, slot));
            NotificationLog log = new NotificationLog();
            m.mbsc.addNotificationListener(slot, log, null, null);

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            Notification reap = log.await(NotificationTypes.REAP, cd -> cd.get("pid").equals(pid), "reap of " + pid);
            CompositeData data = (CompositeData) reap.getUserData();
            assertEquals("signalled", data.get("cause"));
            assertEquals(-9, data.get("exit_code"));
            assertEquals(9, data.get("signal"));
            // Whatever a notification says can be read from attributes too.
            assertEquals(-9, m.mbsc.getAttribute(slot, "ExitCode"));
            assertEquals("signalled", m.mbsc.getAttribute(slot, "ExitCause"));
            assertEquals(-9, m.mbsc.getAttribute(SLEEPERS, "LastExitCode"));
            Await.until("wid 1 respawned", () -> pidOf(m, slot) != null && pidOf(m, slot) != pid);
            assertEquals(1, m.mbsc.getAttribute(slot, "Restarts"));
            log.await("state change to exited", n -> n instanceof AttributeChangeNotification a
                    && "exited".equals(a.getNewValue()));
        }
    }

    private static Long pidOf(ManagedArbiter m, ObjectName slot) {
        try {
            return "running".equals(m.mbsc.getAttribute(slot, "State")) ? (Long) m.mbsc.getAttribute(slot, "Pid") : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void writingNumProcessesAddsAndRemovesProcessBeans() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            m.mbsc.setAttribute(SLEEPERS, new Attribute("NumProcesses", 3));
            Await.until("3 process beans", () -> m.count(CircusNames.processesOf("sleepers")) == 3);
            assertEquals(3, m.mbsc.getAttribute(SLEEPERS, "NumProcesses"));
            Await.until("3 running", () -> (Integer) m.attr(SLEEPERS, "Running") == 3);

            m.mbsc.setAttribute(SLEEPERS, new Attribute("NumProcesses", 1));
            Await.until("1 process bean", () -> m.count(CircusNames.processesOf("sleepers")) == 1);
            Await.until("1 running", () -> (Integer) m.attr(SLEEPERS, "Running") == 1);
        }
    }

    @Test
    void removingAWatcherLeavesNoneOfItsBeans() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 2).build(), sleepers("kept", 1).build())) {
            Await.until("process beans", () -> m.count(CircusNames.PROCESSES) == 3);
            NotificationLog log = new NotificationLog();
            m.mbsc.addNotificationListener(CircusNames.ARBITER, log, null, null);

            invoke(m.mbsc, CircusNames.ARBITER, "removeWatcher", "SLEEPERS", false, true);

            assertFalse(m.mbsc.isRegistered(SLEEPERS));
            assertEquals(Set.of(), m.mbsc.queryNames(CircusNames.processesOf("sleepers"), null));
            assertTrue(m.mbsc.isRegistered(CircusNames.watcher("kept")));
            log.await(NotificationTypes.REMOVE, cd -> "sleepers".equals(cd.get("watcher")), "remove");
            log.await(NotificationTypes.STOP, cd -> "sleepers".equals(cd.get("watcher")), "stop");
        }
    }

    @Test
    void badInputIsRefusedWithAPreciseMessageAndChangesNothing() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 2).build())) {
            long[] before = Await.value("2 pids", () -> pids(m).length == 2 ? pids(m) : null);

            assertEquals("unknown signal: 'FOO'", refused(() -> invoke(m.mbsc, SLEEPERS, "signal", "FOO", 0L, 0L, false, false)));
            assertEquals("program nope not found", refused(() -> invoke(m.mbsc, CircusNames.ARBITER, "removeWatcher", "nope", false, true)));
            assertEquals("process 1 not found in 'sleepers'", refused(() -> invoke(m.mbsc, SLEEPERS, "signal", "TERM", 1L, 0L, false, false)));
            assertTrue(refused(() -> invoke(m.mbsc, SLEEPERS, "setOption", "numprocesses", "many", true)).contains("numprocesses"));
            assertEquals("bogus = '1': unknown option", refused(() -> invoke(m.mbsc, SLEEPERS, "setOption", "bogus", "1", true)));
            assertEquals("nb must be 0 or more, got -1", refused(() -> invoke(m.mbsc, SLEEPERS, "incr", -1, true)));

            assertArrayEquals(before, pids(m));
            assertEquals(2, m.mbsc.getAttribute(SLEEPERS, "NumProcesses"));
        }
    }

    private static long[] pids(ManagedArbiter m) {
        try {
            long[] pids = (long[]) m.mbsc.getAttribute(SLEEPERS, "Pids");
            Arrays.sort(pids);
            return pids;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    interface Call {
        void run() throws Exception;
    }

    /** The message of the IllegalArgumentException a remote client receives. */
    private static String refused(Call call) {
        RuntimeMBeanException e = assertThrows(RuntimeMBeanException.class, call::run);
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        return cause.getMessage();
    }

    @Test
    void stateChangesAreAnnouncedAsAttributeChanges() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            NotificationLog log = new NotificationLog();
            m.mbsc.addNotificationListener(SLEEPERS, log, null, null);

            CompositeData stopped = (CompositeData) invoke(m.mbsc, SLEEPERS, "stop", true);
            assertEquals(1, ((Long[]) stopped.get("stopped")).length);
            assertEquals("stopped", m.mbsc.getAttribute(SLEEPERS, "State"));
            log.await("stopping", n -> n instanceof AttributeChangeNotification a && "active".equals(a.getOldValue())
                    && "stopping".equals(a.getNewValue()));
            log.await("stopped", n -> n instanceof AttributeChangeNotification a && "stopped".equals(a.getNewValue()));
            log.await(NotificationTypes.STATE, cd -> "stopped".equals(cd.get("to")), "state event");
            assertEquals(Set.of(), m.mbsc.queryNames(CircusNames.processesOf("sleepers"), null));

            CompositeData started = (CompositeData) invoke(m.mbsc, SLEEPERS, "start", true);
            assertEquals(1, ((Long[]) started.get("started")).length);
        }
    }

    @Test
    void aProxyReadsTypedOptionsAndStats() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 2).putEnv("A", "b").build())) {
            WatcherMXBean w = JMX.newMXBeanProxy(m.mbsc, SLEEPERS, WatcherMXBean.class);
            Map<String, Object> options = w.getOptions().asMap();
            assertEquals(2, options.get("numprocesses"));
            assertEquals(false, options.get("shell"));
            assertEquals(15, options.get("stop_signal"));
            assertEquals(Map.of("A", "b"), options.get("env"));
            assertEquals(Map.of("numprocesses", 2), w.get(new String[] {"numprocesses"}).asMap());

            Await.until("2 pids", () -> w.getPids().length == 2);
            assertEquals(2, w.stats().size());
            ProcessStats one = w.processStats(w.getPids()[0]);
            assertEquals("sleep", one.cmdline());
            assertTrue(one.rssBytes() > 0);
            assertTrue(w.getRssBytes() >= one.rssBytes());

            ArbiterMXBean a = JMX.newMXBeanProxy(m.mbsc, CircusNames.ARBITER, ArbiterMXBean.class);
            assertEquals(ProcessHandle.current().pid(), a.dstats().pid());
            assertEquals(2, a.stats().size());
            assertEquals(Map.of("check_delay", 5.0), a.globalOptions("check_delay").asMap());
            assertEquals("'nope' not an existing option",
                    assertThrows(IllegalArgumentException.class, () -> a.globalOptions("nope")).getMessage());
            assertEquals(Map.of("sleepers", "active"), a.getStatuses());
            assertEquals(java.util.List.of("sleepers"), a.matchWatchers("SLEEP*", ""));
        }
    }

    @Test
    void setChangesOptionsLiveAndSaysUpdated() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            WatcherMXBean w = JMX.newMXBeanProxy(m.mbsc, SLEEPERS, WatcherMXBean.class);
            long pid = Await.value("1 pid", () -> w.getPids().length == 1 ? w.getPids()[0] : null);
            NotificationLog log = new NotificationLog();
            m.mbsc.addNotificationListener(SLEEPERS, log, null, null);

            w.set(Map.of("graceful_timeout", "7", "numprocesses", "2"), true);

            assertEquals(7.0, w.getOptions().asMap().get("graceful_timeout"));
            assertEquals(2, w.getPids().length);
            assertTrue(Arrays.stream(w.getPids()).anyMatch(p -> p == pid), "a live change restarts nothing");
            log.await(NotificationTypes.UPDATED, cd -> "graceful_timeout".equals(cd.get("key")), "updated");
        }
    }

    @Test
    void quitThroughJmxUnregistersEverything() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 2).build())) {
            long[] pids = Await.value("2 pids", () -> pids(m).length == 2 ? pids(m) : null);
            invoke(m.mbsc, CircusNames.ARBITER, "quit", true);
            Arrays.stream(pids).forEach(pid -> assertFalse(Pids.alive(pid)));
            Await.until("no bean left", () -> m.handle.server().queryNames(CircusNames.ALL, null).isEmpty());
        }
    }

    @Test
    void addWatcherWithOptionsRegistersItAndReturnsItsPids() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            ArbiterMXBean a = JMX.newMXBeanProxy(m.mbsc, CircusNames.ARBITER, ArbiterMXBean.class);
            PidChanges started = a.addWatcher("added", "sleep", "3600", Map.of("numprocesses", "2"), true, true);
            assertEquals(2, started.started().size());
            assertTrue(m.mbsc.isRegistered(CircusNames.watcher("added")));
            assertEquals(2, m.mbsc.queryNames(CircusNames.processesOf("added"), null).size());
            assertEquals("watcher 'ADDED' already exists", assertThrows(IllegalArgumentException.class,
                    () -> a.addWatcher("ADDED", "sleep", "1", Map.of(), false, false)).getMessage());
            assertNull(a.addWatcher("later", "sleep", "3600", Map.of(), false, false));
            assertEquals("stopped", m.mbsc.getAttribute(CircusNames.watcher("later"), "State"));
        }
    }

    @Test
    void aGracefulReloadLeavesExactlyTheNewSlotsRegistered() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 2).build())) {
            WatcherMXBean w = JMX.newMXBeanProxy(m.mbsc, SLEEPERS, WatcherMXBean.class);
            Await.until("2 pids", () -> w.getPids().length == 2);

            PidChanges changes = w.reload(true, false, true);

            assertEquals(2, changes.started().size());
            assertEquals(2, changes.stopped().size());
            assertEquals(Set.of(w.getProcesses()), m.mbsc.queryNames(CircusNames.processesOf("sleepers"), null),
                    "the beans are the slots, old wids gone, new ones registered");
            for (ObjectName slot : w.getProcesses()) {
                assertTrue(changes.started().contains((Long) m.mbsc.getAttribute(slot, "Pid")));
            }
        }
    }

    @Test
    void killThroughTheProcessBeanRespawnsTheSlot() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            ObjectName slot = CircusNames.process("sleepers", 1);
            long pid = Await.value("wid 1 runs", () -> pidOf(m, slot));
            ProcessMXBean p = JMX.newMXBeanProxy(m.mbsc, slot, ProcessMXBean.class);
            assertArrayEquals(new long[] {pid}, p.kill("KILL", -1, true));
            assertFalse(Pids.alive(pid));
            Await.until("respawned", () -> p.getPid() != pid && "running".equals(p.getState()));
            assertNotEquals(pid, p.getPid());
        }
    }
}
