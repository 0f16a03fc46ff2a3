package io.circus.console.ctl;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Daemons;
import io.circus.testing.FreePorts;
import io.circus.zmq.ZmqFacade;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * A daemon for one test, wired as circusd wires it (an {@link EmbeddedDaemon}): an in-process
 * arbiter with real children, its beans on a fresh MBeanServer through circus-jmx's facade with the
 * remote connector on a free loopback port, and circus-zmq's facade on free loopback ports. Closing
 * quits the arbiter (its children die), then closes the facades.
 */
final class CtlDaemon implements AutoCloseable {

    final MBeanServer server;
    final EmbeddedDaemon daemon;
    final ArbiterCore arbiter;
    final ManagementHandle jmx;
    final ZmqFacade zmq;
    final int jmxPort;

    CtlDaemon(List<WatcherConfig> watchers) {
        this(watchers, MBeanServerFactory.newMBeanServer());
    }

    /** @param server where the beans go: the platform MBeanServer for tests that attach by pid */
    CtlDaemon(List<WatcherConfig> watchers, MBeanServer server) {
        this(watchers, server, "tcp://127.0.0.1:*");
    }

    /** @param security the channels' security settings */
    CtlDaemon(List<WatcherConfig> watchers, MBeanServer server, io.circus.config.SecuritySettings security) {
        this(watchers, server, "tcp://127.0.0.1:*", security);
    }

    /** @param pubsubEndpoint a concrete port where the test needs {@code globaloptions} to name it */
    CtlDaemon(List<WatcherConfig> watchers, MBeanServer server, String pubsubEndpoint) {
        this(watchers, server, pubsubEndpoint, io.circus.config.SecuritySettings.defaults());
    }

    private CtlDaemon(List<WatcherConfig> watchers, MBeanServer server, String pubsubEndpoint,
                      io.circus.config.SecuritySettings security) {
        this.server = server;
        jmxPort = FreePorts.loopback();
        GlobalSettings global = GlobalSettings.builder().checkDelay(Duration.ofSeconds(1))
                .endpoint("tcp://127.0.0.1:*").pubsubEndpoint(pubsubEndpoint).jmxPort(jmxPort)
                .security(security).build();
        CircusConfig config = CircusConfig.builder().global(global).watchers(watchers).build();
        try {
            daemon = EmbeddedDaemon.builder(config).closeTimeout(Duration.ofSeconds(60))
                    .facade(CircusManagement.facade(b -> b.server(server).operationTimeout(Duration.ofSeconds(60))))
                    .facade(ZmqFacade.facade())
                    .start(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            // Printed too, so the cause reaches the output even when a later failure hides this one.
            System.err.println("CtlDaemon: start failed: " + e);
            e.printStackTrace();
            throw new AssertionError("daemon did not start: " + e, e);
        }
        arbiter = daemon.arbiter();
        jmx = daemon.facade(ManagementHandle.class).orElseThrow();
        zmq = daemon.facade(ZmqFacade.class).orElseThrow();
    }

    static CtlDaemon started(WatcherConfig.Builder... watchers) {
        return new CtlDaemon(java.util.Arrays.stream(watchers).map(WatcherConfig.Builder::build).toList());
    }

    String endpoint() {
        return zmq.controlEndpoint();
    }

    String pubsub() {
        return zmq.pubsubEndpoint();
    }

    String jmxAddress() {
        return "127.0.0.1:" + jmxPort;
    }

    @Override
    public void close() {
        Daemons.close(daemon);
    }
}
