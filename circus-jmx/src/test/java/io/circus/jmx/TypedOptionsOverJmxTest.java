package io.circus.jmx;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.Await;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/** The typed set and addWatcher overloads over a real RMI connection: values arrive as sent, in order. */
class TypedOptionsOverJmxTest {

    @Test
    void setTakesTypedValuesInTheOrderGiven() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            WatcherMXBean w = JMX.newMXBeanProxy(m.mbsc, CircusNames.watcher("sleepers"), WatcherMXBean.class);
            NotificationLog log = new NotificationLog();
            m.mbsc.addNotificationListener(CircusNames.watcher("sleepers"), log, null, null);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("numprocesses", 2);
            values.put("graceful_timeout", 7.5);
            values.put("env", Map.of("LIST", "a,b", "PAIR", "k=v"));

            w.set(new String[] {"numprocesses", "graceful_timeout", "env"},
                    OptionsView.of("watcher:sleepers", values), true);

            Map<String, Object> options = w.getOptions().asMap();
            assertEquals(2, options.get("numprocesses"));
            assertEquals(7.5, options.get("graceful_timeout"));
            assertEquals(Map.of("LIST", "a,b", "PAIR", "k=v"), options.get("env"));
            Await.until("2 pids", () -> w.getPids().length == 2);
            log.await(NotificationTypes.UPDATED, cd -> "env".equals(cd.get("key")), "updated env");
            List<Object> keys = log.all().stream().filter(n -> n.getType().equals(NotificationTypes.UPDATED))
                    .map(Notification::getUserData).map(cd -> ((CompositeData) cd).get("key")).toList();
            assertEquals(List.of("numprocesses", "graceful_timeout", "env"), keys, "one event per key, in order");
        }
    }

    @Test
    void aWrongTypeIsRefusedNamingOptionAndTypeAndChangesNothing() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            WatcherMXBean w = JMX.newMXBeanProxy(m.mbsc, CircusNames.watcher("sleepers"), WatcherMXBean.class);
            Object before = w.getOptions().asMap().get("graceful_timeout");
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("graceful_timeout", 3);
            values.put("numprocesses", List.of("2"));
            RuntimeException e = assertThrows(RuntimeException.class, () -> w.set(
                    new String[] {"graceful_timeout", "numprocesses"}, OptionsView.of("watcher:sleepers", values), true));
            assertTrue(String.valueOf(e.getMessage()).contains("numprocesses = '[2]': expected an integer"),
                    String.valueOf(e.getMessage()));
            assertEquals(before, w.getOptions().asMap().get("graceful_timeout"), "nothing changed");
        }
    }

    @Test
    void addWatcherTakesTypedValues() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            ArbiterMXBean a = JMX.newMXBeanProxy(m.mbsc, CircusNames.ARBITER, ArbiterMXBean.class);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("numprocesses", 2);
            values.put("respawn", false);
            values.put("env", Map.of("OPTS", "-a,-b"));
            PidChanges started = a.addWatcher("extra", "sleep", "3600", new String[] {"numprocesses", "respawn", "env"},
                    OptionsView.of("watcher:extra", values), true, true);
            assertEquals(2, started.started().size());
            WatcherMXBean w = JMX.newMXBeanProxy(m.mbsc, CircusNames.watcher("extra"), WatcherMXBean.class);
            assertEquals(false, w.getOptions().asMap().get("respawn"));
            assertEquals(Map.of("OPTS", "-a,-b"), w.getOptions().asMap().get("env"));
        }
    }
}
