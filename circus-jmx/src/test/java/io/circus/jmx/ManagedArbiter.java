package io.circus.jmx;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigSource;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.daemon.FacadeStartException;
import io.circus.runtime.EventLog;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Daemons;
import io.circus.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;

/**
 * A real arbiter with real children, exposed through {@link CircusManagement#facade} of an
 * {@link EmbeddedDaemon} with a remote connector on a free loopback port, and a JMX client connected
 * to it over RMI. Closing it quits the arbiter, closes the handle and checks nothing of ours stays
 * registered.
 */
final class ManagedArbiter implements AutoCloseable {

    final EventLog events = new EventLog();
    final EmbeddedDaemon daemon;
    final ArbiterCore arbiter;
    final ManagementHandle handle;
    final JMXConnector client;
    final MBeanServerConnection mbsc;

    private ManagedArbiter(CircusConfig config, ConfigSource source, GlobalSettings jmx, Map<String, ?> clientEnv) {
        try {
            daemon = EmbeddedDaemon.builder(config).configSource(source).listener(events)
                    .closeTimeout(Duration.ofSeconds(60))
                    .facade(CircusManagement.facade(b -> b.settings(jmx).operationTimeout(Duration.ofSeconds(60))))
                    .build();
        } catch (FacadeStartException e) {
            throw e.getCause(); // as CircusManagement threw it, for the tests that expect its refusal
        }
        arbiter = daemon.arbiter();
        handle = daemon.facade(ManagementHandle.class).orElseThrow();
        JMXConnector c = null;
        try {
            if (clientEnv != null) {
                c = JMXConnectorFactory.connect(handle.serviceUrl().orElseThrow(), clientEnv);
            }
            mbsc = c != null ? c.getMBeanServerConnection() : handle.server();
        } catch (IOException | RuntimeException e) {
            daemon.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        client = c;
    }

    /** Starts the arbiter too, with a remote connection without credentials. */
    static ManagedArbiter started(WatcherConfig... watchers) {
        return started(CircusConfig.of(java.util.List.of(watchers)));
    }

    static ManagedArbiter started(CircusConfig config) {
        ManagedArbiter m = new ManagedArbiter(config, () -> config, remote(FreePorts.loopback(), null, null), Map.of());
        try {
            m.daemon.start().join();
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    /** @param clientEnv the client's connection environment, or null for no remote client */
    static ManagedArbiter create(CircusConfig config, ConfigSource source, GlobalSettings jmx, Map<String, ?> clientEnv) {
        return new ManagedArbiter(config, source, jmx, clientEnv);
    }

    static GlobalSettings remote(int port, String passwordFile, String accessFile) {
        return jmx(port, passwordFile, accessFile, false);
    }

    static GlobalSettings jmx(int port, String passwordFile, String accessFile, boolean ssl) {
        return GlobalSettings.builder().jmxPort(port).jmxPasswordFile(passwordFile).jmxAccessFile(accessFile)
                .jmxSsl(ssl).build();
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
        Daemons.close(daemon);
    }
}
