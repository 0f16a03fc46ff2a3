package io.circus.console.ctl;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.core.ArbiterCore;
import io.circus.zmq.ZmqFacade;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * A daemon for one test, wired as circusd wires it: an in-process arbiter with real children, its
 * beans on a fresh MBeanServer through circus-jmx's entry point with the remote connector on a free
 * loopback port, and circus-zmq's facade on free loopback ports. Closing quits the arbiter (its
 * children die), then closes the facades.
 */
final class CtlDaemon implements AutoCloseable {

    final MBeanServer server;
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
        this(watchers, server, pubsubEndpoint, null);
    }

    private CtlDaemon(List<WatcherConfig> watchers, MBeanServer server, String pubsubEndpoint,
                      io.circus.config.SecuritySettings security) {
        this.server = server;
        jmxPort = freePort();
        GlobalSettings d = GlobalSettings.defaults();
        GlobalSettings global = new GlobalSettings(Duration.ofSeconds(1), "tcp://127.0.0.1:*", null, pubsubEndpoint,
                d.multicastEndpoint(), null, false, d.statsInterval(), d.umask(), d.warmupDelay(), d.httpd(),
                d.httpdHost(), d.httpdPort(), d.debug(), d.pidfile(), d.loglevel(), d.logoutput(), d.loggerconfig(),
                d.fqdnPrefix(), jmxPort, "127.0.0.1", null, null, false, null, null, null, security);
        CircusConfig config = new CircusConfig(null, List.of(), global, Map.of(), watchers, List.of(), List.of(), List.of());
        arbiter = ArbiterCore.builder(config).build();
        ManagementHandle j = null;
        ZmqFacade z = null;
        try {
            j = CircusManagement.builder(arbiter).server(server).configSource(() -> config).settings(global)
                    .operationTimeout(Duration.ofSeconds(60)).start();
            z = ZmqFacade.start(server, global);
            arbiter.start().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Said before cleaning up, which may itself hang on a half-started arbiter.
            System.err.println("CtlDaemon: start failed: " + e);
            e.printStackTrace();
            if (z != null) {
                z.close();
            }
            if (j != null) {
                j.close();
            }
            arbiter.close();
            throw new AssertionError("daemon did not start: " + e, e);
        }
        jmx = j;
        zmq = z;
    }

    static CtlDaemon started(WatcherConfig.Builder... watchers) {
        return new CtlDaemon(java.util.Arrays.stream(watchers).map(WatcherConfig.Builder::build).toList());
    }

    /** {@code sleep 3600} children. */
    static WatcherConfig.Builder sleepers(String name, int n) {
        return WatcherConfig.builder(name, "sleep").args("3600").numProcesses(n).gracefulTimeout(Duration.ofSeconds(5));
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

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            arbiter.quit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("arbiter did not quit: " + e, e);
        } finally {
            zmq.close();
            jmx.close();
        }
    }
}
