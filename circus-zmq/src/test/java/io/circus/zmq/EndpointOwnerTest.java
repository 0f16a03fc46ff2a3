package io.circus.zmq;

import static io.circus.zmq.ReplyAssert.error;
import static io.circus.zmq.ReplyAssert.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.GlobalSettings;
import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.CircusNames;
import java.nio.file.Path;
import java.util.Map;
import javax.management.JMX;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Circus's endpoint-owner mode: on an ipc:// control endpoint with {@code endpoint_owner}, a watcher
 * added through the channel must run as that user. The rule belongs to the Arbiter bean and binds
 * the ZeroMQ channel's callers only; a JMX caller has its own authentication.
 */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class EndpointOwnerTest {

    @Test
    void addThroughAnIpcEndpointMustRunAsItsOwner(@TempDir Path dir) {
        String owner = System.getProperty("user.name");
        GlobalSettings g = ZmqDaemon.settings(false).toBuilder().endpoint("ipc://" + dir.resolve("ctl.sock"))
                .endpointOwner(owner).build();
        try (ZmqDaemon daemon = ZmqDaemon.startedWith(g); RawPeer peer = daemon.peer()) {
            peer.send("{\"id\":\"o1\",\"command\":\"add\",\"properties\":{\"name\":\"a\",\"cmd\":\"sleep 9\"}}");
            error(peer.text(), 3, "uid does not match endpoint_owner", "o1");
            peer.send("{\"id\":\"o2\",\"command\":\"add\",\"properties\":{\"name\":\"a\",\"cmd\":\"sleep 9\","
                    + "\"options\":{\"uid\":\"" + owner + "x\"}}}");
            error(peer.text(), 3, "uid does not match endpoint_owner", "o2");
            assertTrue(daemon.arbiter.watchers().isEmpty(), "refusals change nothing");

            peer.send("{\"id\":\"o3\",\"command\":\"add\",\"properties\":{\"name\":\"a\",\"cmd\":\"sleep 9\","
                    + "\"options\":{\"uid\":\"" + owner + "\"}}}");
            ok(peer.text(), "o3");

            // The same bean, called over JMX rather than through the channel: not bound by the rule.
            ArbiterMXBean a = JMX.newMXBeanProxy(daemon.server, CircusNames.ARBITER, ArbiterMXBean.class);
            a.addWatcher("b", "sleep", "9", Map.of(), false, false);
            assertEquals(2, daemon.arbiter.watchers().size());
        }
    }
}
