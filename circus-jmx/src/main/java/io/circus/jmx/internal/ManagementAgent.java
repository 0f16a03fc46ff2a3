package io.circus.jmx.internal;

import io.circus.config.SocketConfig;
import io.circus.jmx.CircusNames;
import io.circus.jmx.ManagementHandle;
import io.circus.jmx.SocketInfo;
import io.circus.jmx.audit.AuditTrail;
import io.circus.runtime.Arbiter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.remote.JMXServiceURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the JMX side of one arbiter: beans, dispatcher, connector. Start order matters: the
 * listeners are added before the first reconciliation so no event or topology change between the
 * two is missed (a duplicate registration attempt is harmless, a missed one is not).
 */
public final class ManagementAgent implements ManagementHandle {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementAgent.class);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final Arbiter arbiter;
    private final MBeanServer server;
    private final BeanRegistry registry;
    private final EventDispatcher dispatcher;
    private final Supplier<List<SocketInfo>> sockets;
    private final EventLog events = new EventLog();
    private volatile RemoteConnector connector;
    private volatile io.circus.plugin.host.PluginHost plugins;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AuditTrail audit = AuditTrail.create();

    private ManagementAgent(AgentSettings s) {
        this.arbiter = s.arbiter();
        this.server = s.server();
        Supplier<List<SocketInfo>> sockets = s.sockets() != null ? s.sockets() : () -> configuredSockets(arbiter);
        EventDispatcher[] dispatcherRef = new EventDispatcher[1];
        Completion completion = new Completion(s.operationTimeout(), () -> dispatcherRef[0].flush(SETTLE));
        AgentContext ctx = new AgentContext(arbiter, completion, new StatsAssembler(s.sampler()));
        this.registry = new BeanRegistry(server, ctx);
        Emitter arbiterEmitter = new Emitter(CircusNames.ARBITER,
                EventNotifications.infos(EventNotifications.Level.ARBITER));
        this.dispatcher = new EventDispatcher(registry, arbiterEmitter, sockets);
        dispatcherRef[0] = dispatcher;
        ArbiterBean bean = new ArbiterBean(ctx, s.source(), sockets, s.version(),
                () -> connector != null ? connector.address().toString() : "local", dispatcher::lost, s.takenOver(),
                events, this::pluginNames);
        registry.registerArbiter(bean, arbiterEmitter);
        registry.registerAudit(audit);
        audit.bind(server);
        this.sockets = sockets;
    }

    /** @throws IllegalStateException when a name is taken or the connector cannot start; nothing is left registered */
    public static ManagementAgent start(AgentSettings s) {
        ManagementAgent agent = new ManagementAgent(s);
        try {
            agent.begin(s);
            return agent;
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    private void begin(AgentSettings s) {
        arbiter.addListener(events);
        arbiter.addListener(dispatcher);
        arbiter.addTopologyListener(dispatcher);
        registry.reconcile();
        registry.reconcileSockets(sockets.get());
        dispatcher.start();
        arbiter.terminated().whenComplete((x, e) -> dispatcher.retire());
        plugins = io.circus.plugin.host.PluginHost.start(arbiter, server, arbiter.extensionClassPath());
        if (s.global().jmxPort() > 0) {
            connector = RemoteConnector.start(s.global(), server, s.sslContext());
        }
    }

    /** The running plugins' names; none before the host started or after it closed. */
    private List<String> pluginNames() {
        io.circus.plugin.host.PluginHost p = plugins;
        return p == null || closed.get() ? List.of() : p.names();
    }

    @Override
    public MBeanServer server() {
        return server;
    }

    @Override
    public Optional<JMXServiceURL> serviceUrl() {
        RemoteConnector c = connector;
        return c == null ? Optional.empty() : Optional.of(c.address());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        io.circus.plugin.host.PluginHost p = plugins;
        if (p != null) {
            p.close();
        }
        arbiter.removeListener(dispatcher);
        arbiter.removeTopologyListener(dispatcher);
        arbiter.removeListener(events);
        dispatcher.stop(SETTLE);
        audit.unbind(server);
        registry.unregisterAll();
        RemoteConnector c = connector;
        if (c != null) {
            c.close();
        }
        LOG.debug("JMX beans unregistered{}", c != null ? ", connector stopped" : "");
    }

    /** Until the runtime binds sockets: the configured ones, not bound yet. */
    /** The runtime's bound sockets, with the backlog from their configuration. */
    private static List<SocketInfo> configuredSockets(Arbiter arbiter) {
        return arbiter.sockets().stream().map(b -> new SocketInfo(b.name(), b.host(), b.port(), b.path(), b.family(),
                b.fd(), arbiter.config().sockets().stream().filter(c -> c.name().equals(b.name()))
                        .mapToInt(SocketConfig::backlog).findFirst().orElse(0))).toList();
    }
}
