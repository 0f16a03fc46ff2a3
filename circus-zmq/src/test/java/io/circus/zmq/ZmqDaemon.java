package io.circus.zmq;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.EventLog;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Daemons;
import io.circus.zmq.client.CircusClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * A daemon for one test: an {@link EmbeddedDaemon} with real children, its JMX beans on a fresh
 * MBeanServer (circus-jmx's facade), and the ZeroMQ facade on free loopback ports. Closing quits the
 * arbiter (its children die), then closes the facade and the beans.
 */
final class ZmqDaemon implements AutoCloseable {

    static final String ANY_PORT = "tcp://127.0.0.1:*";

    final EventLog events = new EventLog();
    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final CircusConfig config;
    final EmbeddedDaemon daemon;
    final ArbiterCore arbiter;
    final ManagementHandle jmx;
    final ZmqFacade zmq;

    private ZmqDaemon(GlobalSettings global, List<WatcherConfig> watchers, boolean start) {
        config = new CircusConfig(null, List.of(), global, Map.of(), watchers, List.of(), List.of(), List.of());
        EmbeddedDaemon.Builder builder = EmbeddedDaemon.builder(config).listener(events)
                .closeTimeout(Duration.ofSeconds(60))
                .facade(CircusManagement.facade(b -> b.server(server).operationTimeout(Duration.ofSeconds(60))))
                .facade(ZmqFacade.facade());
        try {
            daemon = start ? builder.start(Duration.ofSeconds(30)) : builder.build();
        } catch (RuntimeException e) {
            throw new AssertionError("daemon did not start: " + e, e);
        }
        arbiter = daemon.arbiter();
        jmx = daemon.facade(ManagementHandle.class).orElseThrow();
        zmq = daemon.facade(ZmqFacade.class).orElseThrow();
    }

    /** A started daemon with these watchers. */
    static ZmqDaemon started(WatcherConfig... watchers) {
        return new ZmqDaemon(settings(false), List.of(watchers), true);
    }

    /** A started daemon with these settings. */
    static ZmqDaemon startedWith(GlobalSettings global, WatcherConfig... watchers) {
        return new ZmqDaemon(global, List.of(watchers), true);
    }

    /** A started daemon that also publishes the stats stream every {@code interval}. */
    static ZmqDaemon withStats(Duration interval, WatcherConfig... watchers) {
        GlobalSettings g = settings(true).toBuilder().statsInterval(interval).build();
        return new ZmqDaemon(g, List.of(watchers), true);
    }

    /** Defaults with every ZeroMQ endpoint on a free loopback port. */
    static GlobalSettings settings(boolean stats) {
        return GlobalSettings.builder().endpoint(ANY_PORT).pubsubEndpoint(ANY_PORT)
                .statsEndpoint(stats ? ANY_PORT : null).statsd(stats).build();
    }

    String endpoint() {
        return zmq.controlEndpoint();
    }

    RawPeer peer() {
        return new RawPeer(endpoint());
    }

    CircusClient client() {
        return new CircusClient(endpoint(), Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        Daemons.close(daemon);
    }
}
