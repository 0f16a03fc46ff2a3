package io.circus.jmx.internal;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.config.ConfigSource;
import io.circus.config.GlobalOptions;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.config.WatcherOptions;
import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.CircusNames;
import io.circus.jmx.Endpoints;
import io.circus.jmx.OptionsView;
import io.circus.jmx.PidChanges;
import io.circus.jmx.ProcessStats;
import io.circus.jmx.ProcessUsage;
import io.circus.jmx.Refusals;
import io.circus.jmx.SocketInfo;
import io.circus.jmx.audit.Caller;
import io.circus.jmx.audit.CallerContext;
import io.circus.plugin.host.PluginHost;
import io.circus.runtime.Arbiter;
import io.circus.runtime.CircusException;
import io.circus.runtime.ConfigDiff;
import io.circus.runtime.Watcher;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * The Arbiter bean. Operations run on the JMX caller's thread and only hand work to the runtime;
 * attribute reads never wait for the supervisor loop.
 */
final class ArbiterBean implements ArbiterMXBean {

    private final AgentContext ctx;
    private final Arbiter arbiter;
    private final ConfigSource source;
    private final Supplier<List<SocketInfo>> sockets;
    private final String version;
    private final Supplier<String> jmxAddress;
    private final LongSupplier lost;
    private final WatcherGroupCommands group;
    private final List<String> takenOver;
    private final EventLog events;
    private final Supplier<List<String>> plugins;

    ArbiterBean(AgentContext ctx, ConfigSource source, Supplier<List<SocketInfo>> sockets, String version,
                Supplier<String> jmxAddress, LongSupplier lost, List<String> takenOver, EventLog events,
                Supplier<List<String>> plugins) {
        this.events = events;
        this.plugins = plugins;
        this.ctx = ctx;
        this.arbiter = ctx.arbiter();
        this.source = source;
        this.sockets = sockets;
        this.version = version;
        this.jmxAddress = jmxAddress;
        this.lost = lost;
        this.group = new WatcherGroupCommands(ctx);
        this.takenOver = List.copyOf(takenOver);
    }

    // ---- attributes ---------------------------------------------------------------------------

    @Override
    public ObjectName[] getWatchers() {
        return arbiter.watchers().stream().map(w -> CircusNames.watcher(w.name())).toArray(ObjectName[]::new);
    }

    @Override
    public String[] getWatcherNames() {
        return arbiter.watchers().stream().map(Watcher::name).toArray(String[]::new);
    }

    @Override
    public String[] getPluginNames() {
        return plugins.get().toArray(String[]::new);
    }

    @Override public int getNumWatchers() { return arbiter.watchers().size(); }
    @Override public int getNumProcesses() { return arbiter.processCount(); }
    @Override public long getLastEventSeq() { return arbiter.lastEventSeq(); }
    @Override public long getLostNotifications() { return lost.getAsLong(); }
    @Override public String getVersion() { return version; }
    @Override public String[] getTakenOver() { return takenOver.toArray(String[]::new); }
    @Override public long getPid() { return ProcessHandle.current().pid(); }
    @Override public long getStartTime() { return arbiter.startEpochMillis(); }
    @Override public String getStartTimeIso() { return java.time.Instant.ofEpochMilli(arbiter.startEpochMillis()).toString(); }

    @Override
    public List<io.circus.jmx.EventEntry> events(long afterSeq) {
        return events.since(afterSeq, EventLog.CAPACITY);
    }

    @Override
    public long getUptimeSeconds() {
        return Math.max(0, System.currentTimeMillis() - arbiter.startEpochMillis()) / 1000;
    }

    @Override
    public Map<String, String> getStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Watcher w : arbiter.watchers()) {
            statuses.put(w.name(), w.state().circusName());
        }
        return statuses;
    }

    @Override
    public Map<String, String> getFlapping() {
        Map<String, String> flapping = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (Watcher w : arbiter.watchers()) {
            String text = io.circus.runtime.FlappingStatus.describe(arbiter.flapping(w.name()), w.backoff(), now);
            if (!text.isEmpty()) {
                flapping.put(w.name(), text);
            }
        }
        return flapping;
    }

    @Override
    public Endpoints getEndpoints() {
        GlobalSettings g = arbiter.config().global();
        return new Endpoints(g.endpoint(), g.pubsubEndpoint(), g.statsEndpoint(), g.multicastEndpoint(),
                jmxAddress.get());
    }

    // ---- watchers -----------------------------------------------------------------------------

    @Override
    public PidChanges addWatcher(String name, String cmd, String args, Map<String, String> options, boolean start,
                                 boolean waiting) {
        return add(name, cmd, args, options, start, waiting);
    }

    @Override
    public PidChanges addWatcher(String name, String cmd, String args, String[] keys, OptionsView values,
                                 boolean start, boolean waiting) {
        return add(name, cmd, args, OptionsView.ordered(keys, values), start, waiting);
    }

    /** Both forms of add: options as text (as an ini file writes them) or typed values. */
    private PidChanges add(String name, String cmd, String args, Map<String, ?> options, boolean start,
                           boolean waiting) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("message invalid 'name' is missing");
        }
        if (cmd == null || cmd.isBlank()) {
            throw new IllegalArgumentException("message invalid 'cmd' is missing");
        }
        checkEndpointOwner(options);
        WatcherConfig config = configure(name, cmd, args, options);
        // Adding is quick and is where a duplicate or an unsupported option is refused: always wait for it.
        Watcher added = ctx.completion().await(arbiter.addWatcher(config, false), "add " + name);
        if (!start) {
            return null;
        }
        Boolean started = ctx.completion().await(waiting, added.start(), "start " + name);
        if (waiting && added.pids().isEmpty() && added.lastSpawnFailure() != null) {
            // Added, but nothing runs: say why rather than answer ok (the watcher stays, stopped).
            throw new IllegalStateException("start " + name + " started no process: " + added.lastSpawnFailure().error());
        }
        return started == null ? null : new PidChanges(sorted(added.pids()), List.of(), List.of(), List.of(added.name()));
    }

    /**
     * Circus's endpoint-owner mode: with {@code endpoint_owner} set and an ipc:// control endpoint,
     * a watcher added through that endpoint must run as that user (compared as given, as Circus
     * does), so that whoever may write to the socket cannot run commands as the daemon's user. JMX
     * and HTTP callers have their own authentication and are not bound by it.
     */
    private void checkEndpointOwner(Map<String, ?> options) {
        GlobalSettings g = arbiter.config().global();
        String owner = g.endpointOwner();
        if (owner == null || g.endpoint() == null || !g.endpoint().startsWith("ipc://")
                || !Caller.ZMQ.equals(CallerContext.current().facade())) {
            return;
        }
        Object uid = options == null ? null : options.get("uid");
        if (!(uid instanceof String name) || !name.equals(owner)) {
            throw Refusals.toJmx(new CircusException(CircusException.Kind.NOT_ALLOWED, "uid does not match endpoint_owner"));
        }
    }

    private WatcherConfig configure(String name, String cmd, String args, Map<String, ?> options) {
        try {
            WatcherConfig config = WatcherConfig.builder(name.strip(), cmd.strip()).args(args).build();
            if (options != null) {
                for (Map.Entry<String, ?> e : options.entrySet()) {
                    config = WatcherOptions.apply(config, e.getKey(), e.getValue());
                }
            }
            WatcherOptions.validate(config);
            return config;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public void removeWatcher(String name, boolean nostop, boolean waiting) {
        Watcher w = WatcherSelector.require(arbiter, name);
        ctx.completion().await(waiting, arbiter.removeWatcher(w.name(), !nostop), "rm " + w.name());
    }

    @Override
    public List<String> matchWatchers(String name, String match) {
        return WatcherSelector.select(arbiter, name, match).stream().map(Watcher::name).toList();
    }

    @Override
    public PidChanges startWatchers(String name, String match, boolean waiting) {
        return group.start(name, match, waiting);
    }

    @Override
    public PidChanges stopWatchers(String name, String match, boolean waiting) {
        return group.stop(name, match, waiting);
    }

    @Override
    public PidChanges restartWatchers(String name, String match, boolean waiting) {
        return group.restart(name, match, waiting);
    }

    @Override
    public PidChanges reloadWatchers(boolean graceful, boolean sequential, boolean waiting) {
        return group.reload(graceful, sequential, waiting);
    }

    @Override
    public ConfigDiff reloadConfig(boolean waiting) {
        if (source == null) {
            throw new IllegalStateException("reloadconfig is not available: no configuration source was given");
        }
        CircusConfig next;
        try {
            next = source.load();
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        checkPlugins(next);
        return ctx.completion().await(waiting, arbiter.reloadConfig(next), "reloadconfig");
    }

    /**
     * Refuses a configuration whose plugins the running daemon cannot make. They are checked against
     * the class loader the plugin host really uses, the arbiter's, which keeps the extension_path it
     * started with: a changed extension_path takes a restart, so a class only on the new path is
     * refused now, saying so, rather than accepted and then failing in the host.
     */
    private void checkPlugins(CircusConfig next) {
        try {
            PluginHost.check(next, arbiter.extensionClassPath());
        } catch (IllegalArgumentException e) {
            List<Path> running = arbiter.config().global().extensionPath();
            if (next.global().extensionPath().equals(running)) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + " ([circus] extension_path changed, which takes a "
                    + "restart: until then extensions load from the one the daemon started with, "
                    + (running.isEmpty() ? "none" : running.toString()) + ")", e);
        }
    }

    @Override
    public void quit(boolean waiting) {
        ctx.completion().await(waiting, arbiter.quit(), "quit");
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    public List<ProcessStats> stats() {
        return arbiter.watchers().stream().flatMap(w -> ctx.stats().of(w).stream()).toList();
    }

    @Override
    public ProcessUsage dstats() {
        return ctx.stats().daemon();
    }

    @Override
    public OptionsView globalOptions(String option) {
        Map<String, Object> all = GlobalOptions.toOptions(arbiter.config().global());
        if (option == null || option.isBlank()) {
            return OptionsView.of("circus", all);
        }
        String key = option.strip();
        if (!GlobalOptions.knownKeys().contains(key)) {
            throw new IllegalArgumentException("'" + key + "' not an existing option");
        }
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, all.get(key));
        return OptionsView.of("circus", one);
    }

    @Override
    public List<SocketInfo> listSockets() {
        return sockets.get().stream().sorted(Comparator.comparingInt(SocketInfo::fd).thenComparing(SocketInfo::name))
                .toList();
    }

    private static List<Long> sorted(List<Long> pids) {
        return pids.stream().sorted().toList();
    }
}
