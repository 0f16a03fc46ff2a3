package io.circus.zmq;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.config.ConfigLoader;
import io.circus.config.ConfigSource;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
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
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * A daemon for one test: an {@link EmbeddedDaemon} with real children, its JMX beans on a fresh
 * MBeanServer (circus-jmx's facade), and the ZeroMQ facade on free loopback ports. Built from
 * records ({@link #started}) or read from an ini file the test writes, as circusd reads it
 * ({@link #fromIni}: {@code [plugin:NAME]} sections included, {@code reloadconfig} re-reads the
 * file). Closing quits the arbiter (its children die), then closes the facade and the beans.
 */
final class ZmqDaemon implements AutoCloseable {

    static final String ANY_PORT = "tcp://127.0.0.1:*";

    /** Every endpoint on a free loopback port; {@link #fromIni} puts it before the test's sections. */
    static final String CIRCUS_SECTION = """
            [circus]
            endpoint = tcp://127.0.0.1:*
            pubsub_endpoint = tcp://127.0.0.1:*
            """;

    final EventLog events = new EventLog();
    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final CircusConfig config;
    final EmbeddedDaemon daemon;
    final ArbiterCore arbiter;
    final ManagementHandle jmx;
    final ZmqFacade zmq;

    /** @throws RuntimeException the daemon's own refusal, as it is (the builder has stopped what it started) */
    private ZmqDaemon(CircusConfig config, ConfigSource source) {
        this.config = config;
        EmbeddedDaemon.Builder builder = EmbeddedDaemon.builder(config).listener(events)
                .closeTimeout(Duration.ofSeconds(60))
                .facade(CircusManagement.facade(b -> b.server(server).operationTimeout(Duration.ofSeconds(60))))
                .facade(ZmqFacade.facade());
        if (source != null) {
            builder.configSource(source);
        }
        daemon = builder.start(Duration.ofSeconds(30));
        arbiter = daemon.arbiter();
        jmx = daemon.facade(ManagementHandle.class).orElseThrow();
        zmq = daemon.facade(ZmqFacade.class).orElseThrow();
    }

    private static ZmqDaemon of(GlobalSettings global, List<WatcherConfig> watchers) {
        try {
            return new ZmqDaemon(CircusConfig.builder().global(global).watchers(watchers).build(), null);
        } catch (RuntimeException e) {
            throw new AssertionError("daemon did not start: " + e, e);
        }
    }

    /** A started daemon with these watchers. */
    static ZmqDaemon started(WatcherConfig... watchers) {
        return of(settings(false), List.of(watchers));
    }

    /** A started daemon with these settings. */
    static ZmqDaemon startedWith(GlobalSettings global, WatcherConfig... watchers) {
        return of(global, List.of(watchers));
    }

    /** A started daemon that also publishes the stats stream every {@code interval}. */
    static ZmqDaemon withStats(Duration interval, WatcherConfig... watchers) {
        return of(settings(true).toBuilder().statsInterval(interval).build(), List.of(watchers));
    }

    /**
     * Writes {@code sections} after {@link #CIRCUS_SECTION} to {@code dir/circus.ini}, loads it and
     * starts. A refusal (a plugin section that cannot run) reaches the test as it is.
     */
    static ZmqDaemon fromIni(Path dir, String sections) throws ConfigException {
        Path file = writeIni(dir, sections);
        return new ZmqDaemon(ConfigLoader.load(file), () -> ConfigLoader.load(file));
    }

    /** As {@link #fromIni(Path, String)}, with more {@code [circus]} keys ({@code extension_path = ...}). */
    static ZmqDaemon fromIni(Path dir, String circusKeys, String sections) throws ConfigException {
        return fromIni(dir, circusKeys + "\n" + sections);
    }

    /** Replaces the file's sections, for a following {@code reloadconfig}. */
    static Path writeIni(Path dir, String sections) {
        try {
            return Files.writeString(dir.resolve("circus.ini"), CIRCUS_SECTION + sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** An attribute of a bean on this daemon's server; failing to read it fails the test. */
    Object attr(ObjectName name, String attribute) {
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
