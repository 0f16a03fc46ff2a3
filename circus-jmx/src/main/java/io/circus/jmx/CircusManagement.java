package io.circus.jmx;

import io.circus.config.ConfigSource;
import io.circus.daemon.FacadeFactory;
import io.circus.config.GlobalSettings;
import io.circus.jmx.internal.AgentSettings;
import io.circus.jmx.internal.ManagementAgent;
import io.circus.runtime.Arbiter;
import io.circus.stats.ProcessSampler;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.management.MBeanServer;
import javax.net.ssl.SSLContext;

/**
 * The entry point: exposes an arbiter over JMX. {@link #start} registers the Arbiter, Watcher,
 * Process and Socket beans on the platform MBeanServer (so JConsole on the same host attaches with
 * no flags), keeps them in step with the model, sends notifications, and starts the remote
 * connector when {@code [circus] jmx_port} is set.
 *
 * <pre>{@code
 * try (ManagementHandle jmx = CircusManagement.start(arbiter, source, config.global())) {
 *     arbiter.start().join();
 *     arbiter.terminated().join();
 * }
 * }</pre>
 */
public final class CircusManagement {

    private CircusManagement() {
    }

    /**
     * Registers everything on the platform MBeanServer and starts the connector if configured.
     *
     * @param arbiter  the arbiter to expose; may be started before or after
     * @param source   what {@code reloadConfig} re-reads
     * @param settings the {@code [circus]} settings: jmx_port, jmx_host, password, access, TLS
     * @throws IllegalStateException when a bean name is taken (another arbiter in this JVM) or the
     *                               connector cannot start (port in use, unreadable password file)
     */
    public static ManagementHandle start(Arbiter arbiter, ConfigSource source, GlobalSettings settings) {
        return builder(arbiter).configSource(source).settings(settings).start();
    }

    /**
     * The JMX facade of an {@link io.circus.daemon.EmbeddedDaemon}: the daemon's arbiter, config
     * source, {@code [circus]} settings, /proc sampler and takeover report, on the platform
     * MBeanServer. Add it before the ZeroMQ facade, which works through these beans.
     */
    public static FacadeFactory<ManagementHandle> facade() {
        return facade(UnaryOperator.identity());
    }

    /**
     * As {@link #facade()}, with the builder's other options ({@code b -> b.server(server)}) applied
     * after the daemon's.
     */
    public static FacadeFactory<ManagementHandle> facade(UnaryOperator<Builder> options) {
        return context -> options.apply(builder(context.arbiter()).configSource(context.configSource())
                .settings(context.config().global()).sampler(context.sampler()).takenOver(context.takenOver())).start();
    }

    public static Builder builder(Arbiter arbiter) {
        return new Builder(arbiter);
    }

    /** Options beyond the three {@link #start} takes; every one has a working default. */
    public static final class Builder {
        private final Arbiter arbiter;
        private ConfigSource source;
        private GlobalSettings settings;
        private MBeanServer server;
        private Supplier<List<SocketInfo>> sockets;
        private String version;
        private Duration operationTimeout = Duration.ofSeconds(120);
        private ProcessSampler sampler;
        private SSLContext sslContext;
        private List<String> takenOver = List.of();

        private Builder(Arbiter arbiter) {
            this.arbiter = Objects.requireNonNull(arbiter, "arbiter");
        }

        /** What reloadConfig re-reads; without one, reloadConfig is refused. */
        public Builder configSource(ConfigSource s) { source = s; return this; }

        /** JMX settings; default: the arbiter's configuration's {@code [circus]} section. */
        public Builder settings(GlobalSettings s) { settings = s; return this; }

        /** Where to register; default: the platform MBeanServer. */
        public Builder server(MBeanServer s) { server = s; return this; }

        /**
         * The sockets to expose, read again after each reloadconfig. Default: the configured
         * {@code [socket:NAME]} sections with fd -1, until the runtime binds sockets.
         */
        public Builder sockets(Supplier<List<SocketInfo>> s) { sockets = s; return this; }

        /** The Version attribute; default: the jar's implementation version. */
        public Builder version(String v) { version = v; return this; }

        /** Longest a {@code waiting} operation blocks its caller; default 120 s. */
        public Builder operationTimeout(Duration d) { operationTimeout = d; return this; }

        /** The /proc sampler; default: a new one (share one with the stats stream to share its cache). */
        public Builder sampler(ProcessSampler s) { sampler = s; return this; }

        /** The TLS context for jmx_ssl; default: {@link SSLContext#getDefault()} (javax.net.ssl.* properties). */
        public Builder sslContext(SSLContext c) { sslContext = c; return this; }

        /** What crash takeover stopped at start-up, one line per process (the Arbiter's TakenOver attribute). */
        public Builder takenOver(List<String> lines) { takenOver = List.copyOf(lines); return this; }

        public ManagementHandle start() {
            GlobalSettings global = settings != null ? settings : arbiter.config().global();
            String v = version != null ? version : defaultVersion();
            return ManagementAgent.start(new AgentSettings(arbiter, source, global,
                    server != null ? server : ManagementFactory.getPlatformMBeanServer(), sockets, v,
                    operationTimeout, sampler != null ? sampler : new ProcessSampler(), sslContext, takenOver));
        }

        private static String defaultVersion() {
            String v = CircusManagement.class.getPackage().getImplementationVersion();
            return v != null ? v : "0.1.0-SNAPSHOT";
        }
    }
}
