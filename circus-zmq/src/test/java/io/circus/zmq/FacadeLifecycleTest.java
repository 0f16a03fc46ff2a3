package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.TestChildren;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.CircusConsumer;
import io.circus.zmq.client.Message;
import io.circus.zmq.client.Reply;
import io.circus.zmq.internal.ChannelBeans;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, binding, closing, and the order of the JMX and ZeroMQ sides. */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class FacadeLifecycleTest {

    private static final ObjectName CHANNELS = name("circus:type=Channel,*");

    @Test
    void anEndpointInUseFailsTheStartAndLeavesNothingOpen() throws IOException {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GlobalSettings g = with(ZmqDaemon.settings(true), "tcp://127.0.0.1:" + taken.getLocalPort());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ZmqFacade.start(server, g));
            assertTrue(e.getMessage().startsWith("[circus] endpoint = ") && e.getMessage().contains("in use"), e.getMessage());
            assertEquals(Set.of(), server.queryNames(CHANNELS, null), "the channel beans registered first are gone");
        }
    }

    @Test
    void channelBeansAreDescribedAndCloseIsIdempotent() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ZmqFacade zmq = ZmqFacade.start(server, ZmqDaemon.settings(true));
        assertEquals(Set.of(ChannelBeans.name("control"), ChannelBeans.name("pubsub"), ChannelBeans.name("stats")),
                server.queryNames(CHANNELS, null));
        for (ObjectName n : server.queryNames(CHANNELS, null)) {
            for (MBeanAttributeInfo a : server.getMBeanInfo(n).getAttributes()) {
                assertNotEquals(a.getName(), a.getDescription(), n + " " + a.getName() + " has a description");
            }
        }
        assertEquals(zmq.controlEndpoint(), server.getAttribute(ChannelBeans.name("control"), "Endpoint"));
        assertEquals(1000, server.getAttribute(ChannelBeans.name("pubsub"), "SndHwm"));
        zmq.close();
        zmq.close();
        assertEquals(Set.of(), server.queryNames(CHANNELS, null));
    }

    /**
     * The facade may start before the JMX beans: commands then say the arbiter is not there, and
     * once it registers, commands work and its events are published.
     */
    @Test
    void theFacadeMayStartBeforeTheBeans() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        GlobalSettings g = ZmqDaemon.settings(false);
        CircusConfig config = CircusConfig.builder().global(g).watchers(List.of(TestChildren.sleepers("web", 1).build()))
                .build();
        ArbiterCore arbiter = ArbiterCore.builder(config).build();
        try (ZmqFacade zmq = ZmqFacade.start(server, g); CircusClient circus = new CircusClient(zmq.controlEndpoint());
             CircusConsumer events = new CircusConsumer(zmq.pubsubEndpoint(), "watcher.web.start")) {
            Reply early = circus.call("list");
            assertEquals(5, early.errno(), early.toString());
            assertTrue(early.reason().endsWith("the arbiter is not available (circus:type=Arbiter is not registered)"));
            try (ManagementHandle jmx = CircusManagement.builder(arbiter).server(server).configSource(() -> config)
                    .settings(g).start()) {
                io.circus.testing.Await.until("subscribed", () -> {
                    events.ready(); // ZeroMQ hands the subscription on only when the subscriber's socket is called
                    return attribute(server, "Subscriptions") >= 1;
                });
                arbiter.start().get(30, TimeUnit.SECONDS);
                assertEquals("[\"web\"]", circus.call("list").get("watchers").toString());
                Message started = events.receive(Duration.ofSeconds(30)).orElseThrow();
                assertEquals("watcher.web.start", started.topic());
                arbiter.quit().get(60, TimeUnit.SECONDS);
            }
        } finally {
            arbiter.close();
        }
    }

    /** The launcher closes the facade as soon as the arbiter has quit: the quit reply still goes out. */
    @Test
    void aQuitWithWaitingIsAnsweredWhenTheFacadeClosesRightAfter() throws Exception {
        ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("web", 1).build());
        try (RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"q\",\"command\":\"quit\",\"properties\":{\"waiting\":true}}");
            d.arbiter.terminated().get(30, TimeUnit.SECONDS);
            d.zmq.close();
            ReplyAssert.ok(peer.text(), "q");
        } finally {
            d.close();
        }
    }

    /** ipc:// works between JeroMQ peers (JeroMQ 0.6.0 carries it over loopback TCP, not a socket file). */
    @Test
    void ipcEndpointsBetweenJeroMqPeers(@TempDir Path dir) {
        GlobalSettings g = ZmqDaemon.settings(false);
        String control = "ipc://" + dir.resolve("control.sock");
        GlobalSettings ipc = with(g, control);
        try (ZmqDaemon d = ZmqDaemon.startedWith(ipc, TestChildren.sleepers("web", 1).build());
             CircusClient circus = new CircusClient(control)) {
            assertEquals(control, d.endpoint());
            assertEquals(1, circus.call("numprocesses").get("numprocesses").asInt());
            assertFalse(circus.call("list").isError());
        }
    }

    private static int attribute(MBeanServer server, String name) {
        try {
            return (Integer) server.getAttribute(ChannelBeans.name("pubsub"), name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The settings with another control endpoint. */
    static GlobalSettings with(GlobalSettings g, String endpoint) {
        return g.toBuilder().endpoint(endpoint).build();
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
