package io.circus.zmq;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.config.ConfigLoader;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.EventLog;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Daemons;
import io.circus.zmq.client.CircusClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * An {@link EmbeddedDaemon} read from an ini file the test writes, as circusd reads it: real configuration loading
 * ({@code [plugin:NAME]} sections included), the JMX beans with their plugins on a fresh MBeanServer,
 * the ZeroMQ facade on free loopback ports; {@code reloadconfig} re-reads the file.
 */
final class PluginDaemon implements AutoCloseable {

    /** Every endpoint on a free loopback port; prepended to the test's own sections. */
    static final String CIRCUS = """
            [circus]
            endpoint = tcp://127.0.0.1:*
            pubsub_endpoint = tcp://127.0.0.1:*
            """;

    final EventLog events = new EventLog();
    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final Path file;
    final EmbeddedDaemon daemon;
    final ArbiterCore arbiter;
    final ManagementHandle jmx;
    final ZmqFacade zmq;

    private PluginDaemon(Path file) throws ConfigException {
        this.file = file;
        CircusConfig config = ConfigLoader.load(file);
        // A refusal (a plugin section that cannot run) reaches the test as it is; the builder has
        // already stopped what it started.
        daemon = EmbeddedDaemon.builder(config).listener(events).closeTimeout(Duration.ofSeconds(60))
                .configSource(() -> ConfigLoader.load(file))
                .facade(CircusManagement.facade(b -> b.server(server).operationTimeout(Duration.ofSeconds(60))))
                .facade(ZmqFacade.facade())
                .start(Duration.ofSeconds(30));
        arbiter = daemon.arbiter();
        jmx = daemon.facade(ManagementHandle.class).orElseThrow();
        zmq = daemon.facade(ZmqFacade.class).orElseThrow();
    }

    /** Writes {@code sections} (after the {@code [circus]} endpoints) to {@code dir/circus.ini} and starts. */
    static PluginDaemon start(Path dir, String sections) throws ConfigException {
        return new PluginDaemon(write(dir, sections));
    }

    /** As {@link #start(Path, String)}, with more {@code [circus]} keys ({@code extension_path = ...}). */
    static PluginDaemon start(Path dir, String circusKeys, String sections) throws ConfigException {
        return new PluginDaemon(write(dir, circusKeys + "\n" + sections));
    }

    /** Replaces the file's sections, for a following reloadconfig. */
    static Path write(Path dir, String sections) {
        try {
            return Files.writeString(dir.resolve("circus.ini"), CIRCUS + sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CircusClient client() {
        return new CircusClient(zmq.controlEndpoint(), Duration.ofSeconds(30));
    }

    Object attr(javax.management.ObjectName name, String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + name + " " + attribute + ": " + e, e);
        }
    }

    @Override
    public void close() {
        Daemons.close(daemon);
    }
}
