package io.circus.zmq;

import io.circus.config.GlobalOptions;
import io.circus.daemon.Facade;
import io.circus.daemon.FacadeFactory;
import io.circus.jmx.ManagementHandle;
import io.circus.jmx.audit.AuditTrail;
import io.circus.config.GlobalSettings;
import io.circus.stats.ProcessSampler;
import io.circus.zmq.auth.ChannelGuard;
import io.circus.zmq.auth.ChannelGuard.Channel;
import io.circus.zmq.auth.PeerDirectory;
import io.circus.protocol.Dispatcher;
import io.circus.zmq.control.CommandExecutor;
import io.circus.zmq.control.ControlChannel;
import io.circus.zmq.control.Outgoing;
import io.circus.zmq.events.EventPublisher;
import io.circus.zmq.events.NotificationBridge;
import io.circus.protocol.Beans;
import io.circus.zmq.internal.ChannelBeans;
import io.circus.zmq.internal.Mailbox;
import io.circus.zmq.stats.StatsStreamer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.management.MBeanServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * The ZeroMQ face of the daemon: Circus 0.19's control channel (ROUTER on {@code endpoint}), event
 * channel (PUB on {@code pubsub_endpoint}) and, when configured, the stats stream
 * ({@code stats_endpoint}), all driving the daemon through its MBeans on the given MBeanServer. It
 * holds no reference to the runtime: start it after (or before) the JMX beans are registered.
 *
 * <pre>{@code
 * try (ManagementHandle jmx = CircusManagement.start(arbiter, source, global);
 *      ZmqFacade zmq = ZmqFacade.start(jmx.server(), global)) {
 *     arbiter.start().join();
 *     arbiter.terminated().join();
 * }
 * }</pre>
 *
 * <p>Threads: {@code circus-zmq-control} (owns the ROUTER), {@code circus-zmq-commands} (runs
 * commands in arrival order) plus one virtual thread per waiting or slow command,
 * {@code circus-zmq-pubsub} (owns the PUB), {@code circus-zmq-stats} (owns the stats PUB, when on).
 * Counters are exposed as {@code circus:type=Channel,name=control|pubsub|stats}.
 *
 * <p>Who may connect (docs/security.md) is decided before any channel binds, by
 * {@link io.circus.zmq.auth.ChannelGuard}: an unauthenticated channel beyond loopback is refused,
 * CURVE channels admit authorised keys, loopback channels without keys trusted local users; its ZAP
 * handler runs on {@code circus-zmq-zap}. Each request runs with its caller known to the audit trail.
 *
 * <p>Closing stops reading requests, sends the replies of requests still running for up to the
 * close grace period (so {@code quit} with {@code waiting} is answered), closes every socket in its
 * own thread, and closes the ZeroMQ context last. It is idempotent.
 */
public final class ZmqFacade implements Facade {

    private static final Logger LOG = LoggerFactory.getLogger(ZmqFacade.class);

    private final ZContext context = new ZContext(1);
    private final GlobalSettings settings;
    private final ChannelBeans channelBeans;
    private final EventPublisher publisher;
    private final NotificationBridge bridge;
    private final StatsStreamer stats;
    private final CommandExecutor executor;
    private final ControlChannel control;
    private ChannelGuard guard;
    private final PeerDirectory peers = new PeerDirectory();
    private final AtomicBoolean closed = new AtomicBoolean();
    private String controlEndpoint;
    private String pubsubEndpoint;
    private String statsEndpoint;

    private ZmqFacade(Builder b) {
        Beans beans = new Beans(b.server);
        GlobalSettings g = b.settings;
        this.settings = g;
        this.channelBeans = new ChannelBeans(b.server);
        this.publisher = new EventPublisher(context, g.pubsubEndpoint(), b.pubsubHwm, b.eventQueueCapacity,
                b.eventQueueBytes);
        this.bridge = new NotificationBridge(b.server, publisher::offer, publisher::subscribed);
        boolean statsOn = g.statsEndpoint() != null || g.statsd();
        this.stats = statsOn ? new StatsStreamer(context, g.statsEndpoint() != null ? g.statsEndpoint()
                : GlobalOptions.DEFAULT_STATS_ENDPOINT, g.statsInterval(), beans,
                b.sampler != null ? b.sampler : new ProcessSampler()) : null;
        Mailbox<Outgoing> replies = new Mailbox<>();
        this.executor = new CommandExecutor(new Dispatcher(beans), replies::post, peers,
                () -> AuditTrail.of(b.server));
        this.control = new ControlChannel(context, g.endpoint(), b.maxRequestBytes, executor, replies, b.closeGrace);
    }

    /** Binds the channels of {@code [circus]} and serves them through the beans on {@code server}. */
    public static ZmqFacade start(MBeanServer server, GlobalSettings settings) {
        return builder(server, settings).start();
    }

    /**
     * The ZeroMQ facade of an {@link io.circus.daemon.EmbeddedDaemon}: the daemon's {@code [circus]}
     * channels, served through the beans of the JMX facade added before it, sharing the daemon's
     * /proc sampler with them.
     */
    public static FacadeFactory<ZmqFacade> facade() {
        return facade(UnaryOperator.identity());
    }

    /** As {@link #facade()}, with the builder's other options applied after the daemon's. */
    public static FacadeFactory<ZmqFacade> facade(UnaryOperator<Builder> options) {
        return context -> {
            ManagementHandle jmx = context.facade(ManagementHandle.class).orElseThrow(() -> new IllegalStateException(
                    "the ZeroMQ facade serves the JMX beans: add CircusManagement.facade() before it"));
            return options.apply(builder(jmx.server(), context.config().global()).sampler(context.sampler())).start();
        };
    }

    public static Builder builder(MBeanServer server, GlobalSettings settings) {
        return new Builder(server, settings);
    }

    /** Circus's order: the PUB socket first, then the control socket. */
    private void begin() {
        guard = ChannelGuard.start(context, settings, stats != null ? stats.getEndpoint() : null);
        publisher.guard(guard.secure(Channel.PUBSUB, settings.pubsubEndpoint()), e -> guard.bound(Channel.PUBSUB, e));
        control.guard(guard.secure(Channel.CONTROL, settings.endpoint()), e -> guard.bound(Channel.CONTROL, e),
                peers);
        if (stats != null) {
            stats.guard(guard.secure(Channel.STATS, stats.getEndpoint()), e -> guard.bound(Channel.STATS, e));
        }
        pubsubEndpoint = publisher.start();
        channelBeans.register("pubsub", publisher, PubsubChannelMXBean.class);
        bridge.start();
        if (stats != null) {
            statsEndpoint = stats.start();
            channelBeans.register("stats", stats, StatsChannelMXBean.class);
        }
        executor.start();
        controlEndpoint = control.start();
        channelBeans.register("control", control, ControlChannelMXBean.class);
    }

    /** The control endpoint actually bound (a {@code *} port resolved). */
    public String controlEndpoint() {
        return controlEndpoint;
    }

    /** The event endpoint actually bound. */
    public String pubsubEndpoint() {
        return pubsubEndpoint;
    }

    /** The stats endpoint actually bound, when the stats stream is on. */
    public Optional<String> statsEndpoint() {
        return Optional.ofNullable(statsEndpoint);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Requests first (their last replies flushed), then the events, then the context.
        control.close();
        executor.close();
        bridge.close();
        publisher.close();
        if (stats != null) {
            stats.close();
        }
        channelBeans.close();
        if (guard != null) {
            guard.close();
        }
        context.close();
        LOG.debug("ZeroMQ channels closed");
    }

    /** Settings beyond the two {@link #start} takes; each has a working default. */
    public static final class Builder {
        private final MBeanServer server;
        private final GlobalSettings settings;
        private ProcessSampler sampler;
        private int maxRequestBytes = 1 << 20;
        private int eventQueueCapacity = 65_536;
        // libzmq's default, as Circus's PUB has: 500 events per subscriber that does not read.
        private int pubsubHwm = 1000;
        private long eventQueueBytes = 8L << 20;
        private Duration closeGrace = Duration.ofSeconds(2);

        private Builder(MBeanServer server, GlobalSettings settings) {
            this.server = Objects.requireNonNull(server, "server");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** The /proc sampler of the stats stream; share the JMX one to share its 500 ms cache. */
        public Builder sampler(ProcessSampler s) { sampler = s; return this; }

        /** Largest request answered normally (default 1 MiB); larger ones get an errno 1 reply. */
        public Builder maxRequestBytes(int n) { maxRequestBytes = positive(n); return this; }

        /** Events that may wait for the publisher thread (default 65536) before new ones are dropped. */
        public Builder eventQueueCapacity(int n) { eventQueueCapacity = positive(n); return this; }

        /** Bytes of encoded events that may wait for the publisher thread (default 8 MiB). */
        public Builder eventQueueBytes(long n) { eventQueueBytes = positive((int) Math.min(Integer.MAX_VALUE, n)); return this; }

        /** ZeroMQ send high-water mark per subscriber, in frames, two per event (default 1000). */
        public Builder pubsubHwm(int n) { pubsubHwm = positive(n); return this; }

        /** How long closing waits for requests still running to be answered (default 2 s). */
        public Builder closeGrace(Duration d) { closeGrace = Objects.requireNonNull(d); return this; }

        /**
         * Binds and starts every channel.
         *
         * @throws IllegalStateException when an endpoint cannot be bound; nothing is left open
         */
        public ZmqFacade start() {
            ZmqFacade facade = new ZmqFacade(this);
            try {
                facade.begin();
                return facade;
            } catch (RuntimeException e) {
                try {
                    facade.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing); // the bind failure is what the operator must read
                }
                throw e;
            }
        }

        private static int positive(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("must be positive: " + n);
            }
            return n;
        }
    }
}
