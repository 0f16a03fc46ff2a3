package io.circus.console.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.Await;
import io.circus.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A separate circusd reached over its JMX connector at the standard address. */
class DaemonJmxTest {

    @TempDir
    Path dir;

    @Test
    void aRemoteJmxClientDrivesTheDaemon() throws Exception {
        int port = FreePorts.loopback();
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                jmx_port = %d
                jmx_host = 127.0.0.1
                %s
                [watcher:web]
                cmd = sleep 3600
                numprocesses = 2
                graceful_timeout = 5
                """.formatted(port, DaemonProcess.freeEndpoints()));
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString())) {
            d.awaitLog("Arbiter now waiting for commands");
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            try (JMXConnector c = JMXConnectorFactory.connect(url)) {
                MBeanServerConnection mbs = c.getMBeanServerConnection();
                ObjectName web = new ObjectName("circus:type=Watcher,name=web");
                Await.until("two process beans", () -> count(mbs, "circus:type=Process,watcher=web,*") == 2);
                assertEquals("active", mbs.getAttribute(web, "State"));
                mbs.invoke(web, "incr", new Object[] {1, true}, new String[] {"int", "boolean"});
                assertEquals(3, count(mbs, "circus:type=Process,watcher=web,*"));
                assertEquals(3, d.children().size());
                mbs.invoke(new ObjectName("circus:type=Arbiter"), "quit", new Object[] {false}, new String[] {"boolean"});
            } catch (java.io.IOException e) {
                // The connector goes away with the daemon; quit was delivered.
            }
            assertEquals(0, d.awaitExit(), d.log());
            assertTrue(d.log().contains("Arbiter exiting"), d.log());
        }
    }

    private static int count(MBeanServerConnection mbs, String pattern) {
        try {
            Set<ObjectName> names = mbs.queryNames(new ObjectName(pattern), null);
            return names.size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
