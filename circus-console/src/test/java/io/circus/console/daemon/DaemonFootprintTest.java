package io.circus.console.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import io.circus.testing.Await;
import io.circus.testing.FreePorts;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What circusd keeps out of its memory until asked for (docs/performance.md, "Where the daemon's
 * memory goes"): databind's mapper, which the wire no longer needs, and the JVM's platform MXBeans,
 * which are built when a local attach first asks for the platform MBeanServer. Read from the
 * daemon's own class-loading log after a round of commands; then a local attach must see the Circus
 * beans and the platform ones on one server, as JConsole does.
 */
class DaemonFootprintTest {

    @TempDir
    Path dir;

    @Test
    void theWireNeedsNoMapperAndThePlatformBeansWaitForAnAttach() throws Exception {
        int port = FreePorts.loopback();
        Path ini = DaemonProcess.twoSleepersIni(dir, port);
        Path classes = dir.resolve("classes.log");
        try (DaemonProcess d = new DaemonProcess(dir, List.of("-Xlog:class+load=info:file=" + classes), ini.toString());
             CircusClient client = new CircusClient("tcp://127.0.0.1:" + port, Duration.ofSeconds(20))) {
            d.awaitLog("Arbiter now waiting for commands");
            for (Map.Entry<String, Map<String, Object>> c : List.of(
                    Map.entry("incr", Map.<String, Object>of("name", "web", "nb", 1, "waiting", true)),
                    Map.entry("list", Map.<String, Object>of("name", "web")),
                    Map.entry("status", Map.<String, Object>of()),
                    Map.entry("stats", Map.<String, Object>of("name", "web")),
                    Map.entry("options", Map.<String, Object>of("name", "web")),
                    Map.entry("globaloptions", Map.<String, Object>of()),
                    Map.entry("set", Map.<String, Object>of("name", "web", "options", Map.of("graceful_timeout", 4.5))),
                    Map.entry("dstats", Map.<String, Object>of()),
                    Map.entry("listsockets", Map.<String, Object>of()))) {
                Reply r = client.call(c.getKey(), c.getValue());
                assertFalse(r.isError(), c.getKey() + ": " + r);
            }
            assertTrue(client.call("nosuchcommand", Map.of()).isError());
            assertTrue(client.call("incr", Map.of("name", "nosuchwatcher")).isError());
            Await.until("three children", () -> d.children().size() == 3);

            String loaded = Files.readString(classes);
            assertFalse(loaded.contains("com.fasterxml.jackson.databind.ObjectMapper "),
                    "the wire loaded databind's mapper");
            assertFalse(loaded.contains("sun.management.ManagementFactoryHelper "),
                    "the platform MXBeans were built before anything attached");

            VirtualMachine vm = VirtualMachine.attach(Long.toString(d.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection mbs = c.getMBeanServerConnection();
                assertEquals("active", mbs.getAttribute(new ObjectName("circus:type=Watcher,name=web"), "State"));
                assertEquals(3, mbs.queryNames(new ObjectName("circus:type=Process,watcher=web,*"), null).size());
                assertTrue(mbs.isRegistered(new ObjectName("java.lang:type=Runtime")), "platform MXBeans beside ours");
                assertEquals(d.pid(), ((Number) mbs.getAttribute(new ObjectName("java.lang:type=Runtime"), "Pid")).longValue());
            }
            client.call("quit", Map.of("waiting", false));
            assertEquals(0, d.awaitExit(), d.log());
        }
    }
}
