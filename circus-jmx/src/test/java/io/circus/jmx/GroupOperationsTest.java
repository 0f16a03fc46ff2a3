package io.circus.jmx;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.runtime.CircusException;
import java.security.InvalidParameterException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.openmbean.KeyAlreadyExistsException;
import org.junit.jupiter.api.Test;

/**
 * The Arbiter's group operations answer what a single watcher's operation answers: the pids the
 * runtime recorded, over a real remote JMX connection with real children; and refusals reach a JMX
 * client as JDK exceptions whose type carries their kind.
 */
class GroupOperationsTest {

    @Test
    void groupOperationsReportThePidsTheWatchersRecorded() {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("web", 2).build(), sleepers("worker", 1).build(),
                sleepers("manual", 1).autostart(false).build())) {
            ArbiterMXBean a = JMX.newMXBeanProxy(m.mbsc, CircusNames.ARBITER, ArbiterMXBean.class);
            List<Long> first = pids(m, "web", "worker");
            assertEquals(3, first.size());

            PidChanges again = a.startWatchers("", "", true);
            assertEquals(List.of(), again.started());
            assertEquals(first, again.kept());
            assertEquals(List.of("manual", "web", "worker"), again.watchers());

            PidChanges stopped = a.stopWatchers("w*", "glob", true);
            assertEquals(first, stopped.stopped());
            assertEquals(List.of(), stopped.started());
            assertEquals(List.of("web", "worker"), stopped.watchers());
            first.forEach(io.circus.testing.Pids::awaitDead);

            PidChanges started = a.startWatchers("w*", "glob", true);
            List<Long> second = pids(m, "web", "worker");
            assertEquals(second, started.started());
            assertEquals(List.of(), started.kept());
            assertTrue(Collections.disjoint(first, second));

            // Every watcher: all stopped, then the autostart ones started ("manual" is not).
            PidChanges restarted = a.restartWatchers("", "", true);
            List<Long> third = pids(m, "web", "worker");
            assertEquals(second, restarted.stopped());
            assertEquals(third, restarted.started());
            assertEquals(List.of(), restarted.kept());

            // A pattern that selects one watcher is that watcher's own operation, autostart or not.
            PidChanges one = a.startWatchers("MANUAL", "simple", true);
            assertEquals(List.of("manual"), one.watchers());
            assertEquals(pids(m, "manual"), one.started());
            assertEquals(1, one.started().size());

            // A reload that is not graceful restarts each watcher, "manual" too.
            List<Long> running = pids(m, "manual", "web", "worker");
            PidChanges reloaded = a.reloadWatchers(false, false, true);
            assertEquals(running, reloaded.stopped());
            assertEquals(pids(m, "manual", "web", "worker"), reloaded.started());
            assertTrue(Collections.disjoint(third, reloaded.started()));

            assertNull(a.stopWatchers("", "", false), "without waiting, nothing to report");
        }
    }

    @Test
    void refusalsTravelAsJdkExceptionsThatCarryTheirKind() {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("web", 1).build(), sleepers("one", 1).singleton(true).build())) {
            ArbiterMXBean a = JMX.newMXBeanProxy(m.mbsc, CircusNames.ARBITER, ArbiterMXBean.class);
            KeyAlreadyExistsException dup = assertThrows(KeyAlreadyExistsException.class,
                    () -> a.addWatcher("WEB", "sleep", "3600", Map.of(), false, false));
            assertEquals("watcher 'WEB' already exists", dup.getMessage());
            assertEquals(CircusException.Kind.DUPLICATE, Refusals.kindOf(dup));

            WatcherMXBean single = JMX.newMXBeanProxy(m.mbsc, CircusNames.watcher("one"), WatcherMXBean.class);
            InvalidParameterException conflict = assertThrows(InvalidParameterException.class,
                    () -> single.set(Map.of("numprocesses", "2"), false));
            assertEquals("Singleton watcher has a single process", conflict.getMessage());
            assertEquals(CircusException.Kind.CONFLICT, Refusals.kindOf(conflict));
            assertInstanceOf(InvalidParameterException.class, assertThrows(IllegalArgumentException.class,
                    () -> single.setNumProcesses(3)));
            assertEquals(1, single.getNumProcesses(), "refusals change nothing");

            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> a.startWatchers("nope", "simple", true));
            assertEquals(CircusException.Kind.INVALID, Refusals.kindOf(unknown));
            assertEquals(2, a.getNumWatchers());
        }
    }

    private static List<Long> pids(ManagedArbiter m, String... watchers) {
        List<Long> all = new ArrayList<>();
        for (String w : watchers) {
            all.addAll(m.arbiter.watcher(w).orElseThrow().pids());
        }
        Collections.sort(all);
        return all;
    }
}
