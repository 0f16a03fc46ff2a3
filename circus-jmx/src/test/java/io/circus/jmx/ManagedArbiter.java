package io.circus.jmx;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigSource;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.runtime.EventLog;
import io.circus.runtime.core.ArbiterCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;

/**
 * A real arbiter with real children, exposed through {@link CircusManagement} with a remote
 * connector on a free loopback port, and a JMX client connected to it over RMI. Closing it quits
 * the arbiter, closes the handle and checks nothing of ours stays registered.
 */
final class ManagedArbiter implements AutoCloseable {

    final EventLog events = new EventLog();
    final ArbiterCore arbiter;
    final ManagementHandle handle;
    final JMXConnector client;
    final MBeanServerConnection mbsc;

    private ManagedArbiter(CircusConfig config, ConfigSource source, GlobalSettings jmx, Map<String, ?> clientEnv) {
        arbiter = ArbiterCore.builder(config).listener(events).build();
        ManagementHandle h = null;
        JMXConnector c = null;
        try {
            h = CircusManagement.builder(arbiter).configSource(source).settings(jmx)
                    .operationTimeout(Duration.ofSeconds(60)).start();
            if (clientEnv != null) {
                c = JMXConnectorFactory.connect(h.serviceUrl().orElseThrow(), clientEnv);
            }
        } catch (IOException | RuntimeException e) {
            if (h != null) {
                h.close();
            }
            arbiter.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        handle = h;
        client = c;
        try {
            mbsc = c != null ? c.getMBeanServerConnection() : h.server();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the arbiter too, with a remote connection without credentials. */
    static ManagedArbiter started(WatcherConfig... watchers) {
        return started(CircusConfig.of(java.util.List.of(watchers)));
    }

    static ManagedArbiter started(CircusConfig config) {
        ManagedArbiter m = new ManagedArbiter(config, () -> config, remote(freePort(), null, null), Map.of());
        m.arbiter.start().join();
        return m;
    }

    /** @param clientEnv the client's connection environment, or null for no remote client */
    static ManagedArbiter create(CircusConfig config, ConfigSource source, GlobalSettings jmx, Map<String, ?> clientEnv) {
        return new ManagedArbiter(config, source, jmx, clientEnv);
    }

    static WatcherConfig.Builder sleepers(String name, int n) {
        return WatcherConfig.builder(name, "sleep").args("3600").numProcesses(n).gracefulTimeout(Duration.ofSeconds(5));
    }

    static GlobalSettings remote(int port, String passwordFile, String accessFile) {
        return jmx(port, passwordFile, accessFile, false);
    }

    static GlobalSettings jmx(int port, String passwordFile, String accessFile, boolean ssl) {
        GlobalSettings d = GlobalSettings.defaults();
        return new GlobalSettings(d.checkDelay(), d.endpoint(), d.endpointOwner(), d.pubsubEndpoint(),
                d.multicastEndpoint(), d.statsEndpoint(), d.statsd(), d.statsInterval(), d.umask(), d.warmupDelay(),
                d.httpd(), d.httpdHost(), d.httpdPort(), d.debug(), d.pidfile(), d.loglevel(), d.logoutput(),
                d.loggerconfig(), d.fqdnPrefix(), port, "127.0.0.1", passwordFile, accessFile, ssl);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An attribute, for conditions that cannot throw. */
    Object attr(javax.management.ObjectName name, String attribute) {
        try {
            return mbsc.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + name + " " + attribute + ": " + e, e);
        }
    }

    /** How many beans match a pattern, for conditions that cannot throw. */
    int count(javax.management.ObjectName pattern) {
        try {
            return mbsc.queryNames(pattern, null).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
        } catch (IOException ignored) {
            // The server side is being closed anyway.
        }
        try {
            arbiter.quit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("arbiter did not quit: " + e, e);
        } finally {
            handle.close();
        }
    }
}
