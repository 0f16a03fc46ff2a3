package io.circus.zmq;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.daemon.DaemonContext;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.daemon.FacadeStartException;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.core.ArbiterCore;
import io.circus.zmq.client.CircusClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * circus-jmx's and circus-zmq's facades plugged into an {@link EmbeddedDaemon}, as circusd and the
 * tests use them: the ZeroMQ channels serve the JMX beans, and a channel that cannot bind leaves no
 * bean, socket or arbiter behind.
 */
class EmbeddedDaemonFacadesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static CircusConfig config(GlobalSettings global) {
        return CircusConfig.builder().global(global).watchers(List.of(sleepers("web", 1).build())).build();
    }

    @Test
    void theZeroMqChannelsServeTheBeansOfTheJmxFacade() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try (EmbeddedDaemon daemon = EmbeddedDaemon.builder(config(ZmqDaemon.settings(false))).closeTimeout(TIMEOUT)
                .facade(CircusManagement.facade(b -> b.server(server)))
                .facade(ZmqFacade.facade())
                .start(TIMEOUT);
             CircusClient circus = new CircusClient(daemon.facade(ZmqFacade.class).orElseThrow().controlEndpoint(), TIMEOUT)) {
            assertEquals(server, daemon.facade(ManagementHandle.class).orElseThrow().server());
            assertEquals("[\"web\"]", circus.call("list").get("watchers").toString());
        }
        assertEquals(Set.of(), server.queryNames(new ObjectName("circus:*"), null), "close unregisters every bean");
    }

    @Test
    void anEndpointInUseClosesTheJmxFacadeAndTheArbiter() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        AtomicReference<ArbiterCore> arbiter = new AtomicReference<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GlobalSettings g = FacadeLifecycleTest.with(ZmqDaemon.settings(false), "tcp://127.0.0.1:" + taken.getLocalPort());
            EmbeddedDaemon.Builder builder = EmbeddedDaemon.builder(config(g)).closeTimeout(TIMEOUT)
                    .facade(CircusManagement.facade(b -> b.server(server)))
                    .facade((DaemonContext c) -> {
                        arbiter.set(c.arbiter());
                        return ZmqFacade.facade().start(c);
                    });
            FacadeStartException e = assertThrows(FacadeStartException.class, builder::build);
            assertTrue(e.getMessage().startsWith("[circus] endpoint = ") && e.getMessage().contains("in use"), e.getMessage());
            assertEquals(Set.of(), server.queryNames(new ObjectName("circus:*"), null), "the JMX beans are unregistered");
            assertTrue(arbiter.get().terminated().isDone(), "the arbiter is closed");
        }
    }

    @Test
    void theZeroMqFacadeWithoutTheJmxFacadeIsRefusedByName() {
        EmbeddedDaemon.Builder builder = EmbeddedDaemon.builder(config(ZmqDaemon.settings(false))).facade(ZmqFacade.facade());
        FacadeStartException e = assertThrows(FacadeStartException.class, builder::build);
        assertTrue(e.getMessage().contains("add CircusManagement.facade() before it"), e.getMessage());
    }
}
