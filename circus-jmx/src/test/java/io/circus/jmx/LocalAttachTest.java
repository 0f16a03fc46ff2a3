package io.circus.jmx;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.config.GlobalSettings;
import io.circus.runtime.ConfigDiff;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Await;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/** Without jmx_port: the platform MBeanServer only, which local attach (JConsole, jcmd) reaches. */
class LocalAttachTest {

    private final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();

    @Test
    void beansAreOnThePlatformServerBeforeTheArbiterStartsAndGoneAfterClose() throws Exception {
        ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(sleepers("sleepers", 2).build()))).build();
        try (ManagementHandle h = CircusManagement.start(arbiter, null, GlobalSettings.defaults())) {
            assertTrue(h.serviceUrl().isEmpty());
            assertEquals(Set.of(CircusNames.ARBITER, io.circus.jmx.audit.AuditTrail.NAME, CircusNames.watcher("sleepers")),
                    platform.queryNames(CircusNames.ALL, null));
            assertEquals("local", ((CompositeData) platform.getAttribute(CircusNames.ARBITER, "Endpoints")).get("jmx"));
            assertEquals("stopped", platform.getAttribute(CircusNames.watcher("sleepers"), "State"));

            arbiter.start().join();
            Await.until("2 process beans", () -> platform.queryNames(CircusNames.processesOf("sleepers"), null).size() == 2);
            assertThrows(IllegalStateException.class, () -> CircusManagement.start(arbiter, null, GlobalSettings.defaults()),
                    "a second arbiter bean in one JVM is refused");
        } finally {
            arbiter.quit().join();
        }
        assertEquals(Set.of(), platform.queryNames(CircusNames.ALL, null));
    }

    @Test
    void reloadConfigAppliesTheSourceAndRegistersWhatItAdds() throws Exception {
        CircusConfig first = CircusConfig.of(List.of(sleepers("a", 1).build()));
        AtomicReference<Object> next = new AtomicReference<>(first);
        ArbiterCore arbiter = ArbiterCore.builder(first).build();
        try (ManagementHandle h = CircusManagement.start(arbiter, () -> {
            if (next.get() instanceof CircusConfig c) {
                return c;
            }
            throw (ConfigException) next.get();
        }, GlobalSettings.defaults())) {
            arbiter.start().join();
            ArbiterMXBean a = JMX.newMXBeanProxy(platform, CircusNames.ARBITER, ArbiterMXBean.class);

            next.set(MBeanInfoTest.withSocket(CircusConfig.of(List.of(sleepers("a", 1).build(), sleepers("b", 1).build()))));
            ConfigDiff diff = a.reloadConfig(true);
            assertEquals(List.of("b"), diff.added());
            assertEquals(List.of("a"), diff.unchanged());
            assertTrue(platform.isRegistered(CircusNames.watcher("b")));
            // Sockets are bound when the daemon starts: a reload reports them instead of rebinding.
            assertEquals(List.of("sockets"), diff.needsDaemonRestart());
            assertFalse(platform.isRegistered(CircusNames.socket("web")));
            assertEquals(0, a.listSockets().size());

            next.set(new ConfigException(null, "[watcher:c] cmd = '': empty", null));
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> a.reloadConfig(true));
            assertTrue(bad.getMessage().contains("[watcher:c] cmd = '': empty"), bad.getMessage());
            assertEquals(2, a.getNumWatchers());
        } finally {
            arbiter.quit().join();
        }
        assertEquals(Set.of(), platform.queryNames(CircusNames.ALL, null));
    }
}
