package io.circus.runtime.core;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventListener;
import io.circus.event.EventType;
import io.circus.extension.ExtensionClassPath;
import io.circus.hook.run.HookRunner;
import io.circus.process.Capability;
import io.circus.process.Launchers;
import io.circus.process.ManagedProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.Signal;
import io.circus.runtime.Arbiter;
import io.circus.runtime.CircusException;
import io.circus.runtime.ConfigDiff;
import io.circus.runtime.PidReport;
import io.circus.runtime.TopologyListener;
import io.circus.runtime.Watcher;
import io.circus.runtime.WatcherState;
import io.circus.stream.StreamWriter;
import io.circus.time.Ticker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The arbiter: owns the watchers, the supervisor loop, the spawner and (unless given one) the
 * process launcher. Build with {@link #builder(CircusConfig)}.
 */
public final class ArbiterCore implements Arbiter {

    private static final Logger LOG = LoggerFactory.getLogger(ArbiterCore.class);
    private static final Comparator<WatcherCore> START_ORDER = Comparator
            .comparingInt((WatcherCore w) -> -w.config().priority()).thenComparing(Watcher::name);

    private RuntimeContext ctx;
    private final boolean ownsLauncher;
    /** The stream writer the arbiter created for its default outputs, closed after the launcher. */
    private final StreamWriter streamWriter;
    private final long startMillis = System.currentTimeMillis();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile CircusConfig config;
    /** Copy-on-write, in start order; replaced only on the loop. */
    private volatile List<WatcherCore> watchers = List.of();
    /** Lower-case names of watchers added at run time: reloadconfig leaves them alone. */
    private final java.util.Set<String> addedAtRunTime = new java.util.HashSet<>();
    private final AtomicBoolean quitting = new AtomicBoolean();
    /** What plugins judged about watchers' flapping, by lower-case watcher name. */
    private final java.util.Map<String, io.circus.runtime.FlappingStatus> flapping =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Why the process backend failed, when it did; the arbiter then quits. */
    private volatile String failure;

    private ArbiterCore(Builder b) {
        this.config = b.config;
        this.ownsLauncher = b.launcher == null;
        ProcessLauncher launcher = b.launcher != null ? b.launcher : Launchers.best();
        HookRunner hooks = null;
        SupervisorLoop loop = new SupervisorLoop("circus-supervisor", b.ticker);
        this.streamWriter = b.outputs == null ? new StreamWriter() : null;
        WatcherOutputFactory outputs = b.outputs != null ? b.outputs : StreamOutput.factory(streamWriter);
        try {
            if (b.raiseFileLimit) {
                launcher.raiseOpenFileLimit();
            }
            DescriptorBudget budget = new DescriptorBudget(launcher,
                    () -> watchers.stream().map(WatcherCore::config).toList(), b.config.sockets().size());
            budget.checkAll(b.config.watchers());
            hooks = HookRunner.of(b.config.global().extensionPath(), b.config.global().hookTimeout());
            this.ctx = new RuntimeContext(loop, new Spawner(launcher, loop), new EventBus(), launcher, outputs,
                    new SocketSet(b.config.sockets(), launcher), b.config.global().checkDelay(), b.config.global().umask(),
                    quitting, budget, hooks);
            loop.whenIdle(ctx.events()::handOff);
            launcher.failure().thenAccept(this::backendFailed);
            ctx.events().add(this::rearmOnDemand);
            if (ctx.umask() >= 0 && !launcher.can(io.circus.process.Capability.UMASK)) {
                throw new IllegalArgumentException("[circus] umask needs the native process backend; the running backend '"
                        + launcher.name() + "' cannot set a child's umask");
            }
            b.listeners.forEach(ctx.events()::add);
            List<WatcherCore> created = new ArrayList<>();
            for (WatcherConfig w : b.config.watchers()) {
                created.add(create(w));
            }
            created.sort(START_ORDER);
            this.watchers = List.copyOf(created);
        } catch (RuntimeException e) {
            if (ctx != null) {
                ctx.sockets().close();
            }
            loop.shutdown();
            if (hooks != null) {
                hooks.close();
            }
            if (ownsLauncher) {
                launcher.close();
            }
            if (streamWriter != null) {
                streamWriter.close();
            }
            throw e;
        }
    }

    public static Builder builder(CircusConfig config) {
        return new Builder(config);
    }

    private WatcherCore create(WatcherConfig w) {
        CapabilityCheck.validate(w, ctx.launcher());
        return new WatcherCore(ctx, w);
    }

    // ---- reads ------------------------------------------------------------------------------------

    @Override public CircusConfig config() { return config; }
    @Override public List<Watcher> watchers() { return List.copyOf(watchers); }
    @Override public long lastEventSeq() { return ctx.events().lastSeq(); }
    @Override public long startEpochMillis() { return startMillis; }
    @Override public ProcessLauncher launcher() { return ctx.launcher(); }

    @Override
    public ExtensionClassPath extensionClassPath() {
        return ctx.hooks().extensions();
    }
    @Override public CompletableFuture<Void> terminated() { return terminated; }
    @Override public void addListener(EventListener l) { ctx.events().add(l); }
    @Override public void removeListener(EventListener l) { ctx.events().remove(l); }
    @Override public void addTopologyListener(TopologyListener l) { ctx.events().add(l); }
    @Override public void removeTopologyListener(TopologyListener l) { ctx.events().remove(l); }

    @Override
    public Optional<Watcher> watcher(String name) {
        return Optional.ofNullable(find(name));
    }

    private WatcherCore find(String name) {
        for (WatcherCore w : watchers) {
            if (w.name().equalsIgnoreCase(name)) {
                return w;
            }
        }
        return null;
    }

    @Override
    public void reportFlapping(String watcher, io.circus.runtime.FlappingStatus status) {
        String key = watcher.toLowerCase(java.util.Locale.ROOT);
        if (!status.parked()) {
            flapping.remove(key);
            return;
        }
        flapping.put(key, status);
        // Events are published on the loop only; the plugin reporting it runs on its own thread.
        ctx.loop().execute(() -> ctx.events().publish(EventType.FLAPPING, watcher, 0, 0, FlappingEvents.fields(status)));
    }

    @Override
    public io.circus.runtime.FlappingStatus flapping(String watcher) {
        return flapping.getOrDefault(watcher.toLowerCase(java.util.Locale.ROOT), io.circus.runtime.FlappingStatus.NONE);
    }

    @Override
    public int processCount() {
        int n = 0;
        for (WatcherCore w : watchers) {
            n += w.runningCount();
        }
        return n;
    }

    // ---- whole-arbiter operations -----------------------------------------------------------------

    @Override
    public CompletableFuture<Void> start() {
        return ctx.loop().call(() -> {
            if (quitting.get()) {
                return quittingRefusal();
            }
            LOG.info("Starting master on pid {} with process backend {}", ProcessHandle.current().pid(), ctx.launcher().name());
            return startWatchers(w -> w.config().autostart() && !w.config().onDemand())
                    .thenRun(() -> {
                        armOnDemand();
                        LOG.info("Arbiter now waiting for commands");
                    });
        });
    }

    private CompletableFuture<Void> startWatchers(java.util.function.Predicate<WatcherCore> which) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        List<CompletableFuture<Boolean>> hooked = new ArrayList<>();
        boolean first = true;
        for (WatcherCore w : watchers) {
            if (!which.test(w)) {
                continue;
            }
            long warmup = first ? 0 : config.global().warmupDelay().toNanos();
            first = false;
            chain = chain.thenCompose(x -> ctx.loop().delay(warmup)).thenCompose(x -> {
                CompletableFuture<Boolean> started = w.start();
                if (w.hooks().delayStart()) {
                    // A start that waits for hooks delays only its own watcher, not the ones after it.
                    hooked.add(started);
                    return CompletableFuture.completedFuture(null);
                }
                return started;
            }).thenApply(x -> null);
        }
        return chain.thenCompose(x -> CompletableFuture.allOf(hooked.toArray(CompletableFuture[]::new)));
    }

    /** on_demand watchers start at the first pending connection on any daemon socket (Circus). */
    private void armOnDemand() {
        if (!quitting.get() && !ctx.sockets().isEmpty()
                && watchers.stream().anyMatch(w -> w.config().onDemand() && w.state() == WatcherState.STOPPED)) {
            ctx.sockets().armFirstConnection(() -> ctx.loop().execute(this::startOnDemand));
        }
    }

    private void startOnDemand() {
        if (quitting.get()) {
            return;
        }
        for (WatcherCore w : watchers) {
            if (w.config().onDemand() && w.config().autostart() && w.state() == WatcherState.STOPPED) {
                LOG.info("{}: connection pending, starting on demand", w.name());
                w.start();
            }
        }
    }

    private void rearmOnDemand(io.circus.event.Event e) {
        if (e.type() == EventType.STOP && e.watcher() != null) {
            WatcherCore w = find(e.watcher());
            if (w != null && w.config().onDemand()) {
                armOnDemand();
            }
        }
    }

    @Override
    public List<io.circus.runtime.HeldSocket> sockets() {
        return ctx.sockets().infos();
    }

    @Override
    public CompletableFuture<Void> startAll() {
        return ctx.loop().call(() -> quitting.get() ? quittingRefusal() : startWatchers(w -> w.config().autostart()));
    }

    private static <T> CompletableFuture<T> quittingRefusal() {
        return CompletableFuture.failedFuture(new IllegalStateException("circusd is shutting down"));
    }

    @Override
    public CompletableFuture<Void> stopAll() {
        return ctx.loop().call(this::stopEverything);
    }

    /** Stop order is priority low to high, all at once (Circus). */
    private CompletableFuture<Void> stopEverything() {
        List<CompletableFuture<Boolean>> stops = new ArrayList<>();
        for (WatcherCore w : watchers.reversed()) {
            stops.add(w.stop());
        }
        return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletableFuture<Void> restartAll() {
        return ctx.loop().call(() -> quitting.get() ? quittingRefusal()
                : stopEverything().thenCompose(x -> startWatchers(w -> w.config().autostart())));
    }

    @Override
    public CompletableFuture<PidReport> startGroup(List<String> names) {
        return ctx.loop().call(() -> {
            if (names == null) {
                return quitting.get() ? quittingRefusal() : groups().start(watchers, w -> w.config().autostart(), true);
            }
            return groups().start(selected(names), w -> w.config().autostart(), false);
        });
    }

    @Override
    public CompletableFuture<PidReport> stopGroup(List<String> names) {
        return ctx.loop().call(() -> groups().stop(names == null ? watchers : selected(names)));
    }

    @Override
    public CompletableFuture<PidReport> restartGroup(List<String> names) {
        return ctx.loop().call(() -> {
            if (names == null && quitting.get()) {
                return quittingRefusal();
            }
            List<WatcherCore> which = names == null ? watchers : selected(names);
            return groups().stop(which).thenCompose(stopped -> groups()
                    .start(which, w -> w.config().autostart(), names == null).thenApply(stopped::then));
        });
    }

    @Override
    public CompletableFuture<PidReport> reloadGroup(boolean graceful, boolean sequential) {
        return ctx.loop().call(() -> groups().reload(watchers, graceful, sequential));
    }

    private GroupOperations groups() {
        return new GroupOperations(ctx.loop(), config.global().warmupDelay().toNanos());
    }

    /** The watchers named, in the order given, leaving out any removed since they were selected. */
    private List<WatcherCore> selected(List<String> names) {
        List<WatcherCore> found = new ArrayList<>();
        for (String name : names) {
            WatcherCore w = find(name);
            if (w != null) {
                found.add(w);
            }
        }
        return found;
    }

    @Override
    public CompletableFuture<Void> reloadAll(boolean graceful, boolean sequential) {
        return ctx.loop().call(() -> {
            List<CompletableFuture<Void>> reloads = new ArrayList<>();
            for (WatcherCore w : watchers) {
                reloads.add(w.reload(graceful, sequential));
            }
            return CompletableFuture.allOf(reloads.toArray(CompletableFuture[]::new));
        });
    }

    @Override
    public CompletableFuture<Void> quit() {
        CompletableFuture<Void> done = ctx.loop().call(() -> {
            if (!quitting.compareAndSet(false, true)) {
                return terminated;
            }
            return stopEverything();
        });
        // Off the loop: shutdown waits for the spawner and for stragglers' exits, which need the loop.
        done.whenComplete((x, e) -> Thread.ofPlatform().name("circus-quit").start(this::shutdown));
        return terminated;
    }

    private synchronized void shutdown() {
        if (terminated.isDone()) {
            return;
        }
        // Nothing may be spawned from here on; a spawn under way finishes first.
        ctx.spawner().closeAndAwait();
        killStragglers();
        ctx.hooks().awaitIdle(); // the last reap hooks, before the loop that takes their outcomes stops
        ctx.loop().shutdown();
        ctx.hooks().close();
        ctx.sockets().close();
        if (ownsLauncher) {
            ctx.launcher().close();
        }
        if (streamWriter != null) {
            streamWriter.close();
        }
        LOG.info("Arbiter exiting");
        terminated.complete(null);
    }

    /**
     * Closing the launcher leaves children running by design, so the arbiter never gets there while
     * a child it started runs: any that survived the stops (a bug, or a stop that failed) is killed
     * with its group and waited for.
     */
    private void killStragglers() {
        List<ManagedProcess> left = ctx.spawner().unfinished();
        if (left.isEmpty()) {
            return;
        }
        for (ManagedProcess p : left) {
            LOG.error("pid {} still runs after every watcher stopped; killing it and its group", p.pid());
            if (ctx.launcher().can(Capability.SESSION)) {
                p.signalGroup(Signal.KILL);
            }
            p.signal(Signal.KILL);
        }
        for (ManagedProcess p : left) {
            try {
                p.onExit().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.error("pid {} was not seen to exit: {}", p.pid(), e.toString());
            }
        }
    }

    /** The process backend can no longer watch children reliably: stop them all, loudly, and exit. */
    private void backendFailed(String reason) {
        failure = reason;
        LOG.error("the process backend failed ({}); stopping every watcher and exiting", reason);
        quit();
    }

    /** Why the process backend failed and the arbiter quit, or null; circusd then exits non-zero. */
    public String failure() {
        return failure;
    }

    @Override
    public void close() {
        quit().join();
    }

    // ---- watchers at run time ---------------------------------------------------------------------

    @Override
    public CompletableFuture<Watcher> addWatcher(WatcherConfig w, boolean start) {
        return ctx.loop().call(() -> {
            if (quitting.get()) {
                return quittingRefusal();
            }
            if (find(w.name()) != null) {
                return CompletableFuture.failedFuture(new CircusException(CircusException.Kind.DUPLICATE,
                        "watcher '" + w.name() + "' already exists"));
            }
            ctx.budget().checkChange(w);
            WatcherCore core = create(w);
            install(core);
            addedAtRunTime.add(w.name().toLowerCase(Locale.ROOT));
            ctx.events().publish(EventType.ADD, w.name(), 0, 0, Map.of("time", System.currentTimeMillis() / 1000.0));
            return start ? core.start().thenApply(x -> core) : CompletableFuture.completedFuture(core);
        });
    }

    private void install(WatcherCore core) {
        List<WatcherCore> next = new ArrayList<>(watchers);
        next.add(core);
        next.sort(START_ORDER);
        watchers = List.copyOf(next);
        ctx.events().watcher(core, true);
    }

    private void uninstall(WatcherCore core) {
        List<WatcherCore> next = new ArrayList<>(watchers);
        next.remove(core);
        watchers = List.copyOf(next);
        ctx.events().watcher(core, false);
    }

    @Override
    public CompletableFuture<Void> removeWatcher(String name, boolean stop) {
        return ctx.loop().call(() -> {
            WatcherCore core = find(name);
            if (core == null) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("program " + name + " not found"));
            }
            ctx.events().publish(EventType.REMOVE, core.name(), 0, 0, Map.of("time", System.currentTimeMillis() / 1000.0));
            return remove(core, stop);
        });
    }

    private CompletableFuture<Void> remove(WatcherCore core, boolean stop) {
        uninstall(core);
        addedAtRunTime.remove(core.name().toLowerCase(Locale.ROOT));
        if (!stop) {
            core.abandon();
            return CompletableFuture.completedFuture(null);
        }
        return core.stop().thenApply(x -> null);
    }

    @Override
    public CompletableFuture<ConfigDiff> reloadConfig(CircusConfig next) {
        return ctx.loop().call(() -> new ConfigReloader(this).apply(next));
    }

    // Used by ConfigReloader, on the loop.
    List<WatcherCore> watcherCores() { return watchers; }
    boolean addedAtRunTime(WatcherCore w) { return addedAtRunTime.contains(w.name().toLowerCase(Locale.ROOT)); }
    WatcherCore newWatcher(WatcherConfig w) { return create(w); }
    void installWatcher(WatcherCore w) { install(w); }
    CompletableFuture<Void> removeWatcher(WatcherCore w) { return remove(w, true); }
    void replaceConfig(CircusConfig c) { config = c; }
    RuntimeContext context() { return ctx; }

    /** Whether any watcher is running or stopping (for status). */
    public boolean anyActive() {
        return watchers.stream().anyMatch(w -> w.state() != WatcherState.STOPPED);
    }

    /**
     * Wakes timers after an injected ticker moved (tests). The future completes on the loop once
     * every timer due at the ticker's current time has run, so a test can tell "not yet" from
     * "not run yet".
     */
    public CompletableFuture<Void> tickerAdvanced() {
        CompletableFuture<Void> due = new CompletableFuture<>();
        ctx.loop().execute(() -> ctx.loop().schedule(0, () -> due.complete(null)));
        ctx.loop().wakeup();
        return due;
    }

    /** Builder: only the configuration is required. */
    public static final class Builder {
        private final CircusConfig config;
        private ProcessLauncher launcher;
        private Ticker ticker = Ticker.SYSTEM;
        private WatcherOutputFactory outputs;
        private final List<EventListener> listeners = new ArrayList<>();
        private boolean raiseFileLimit;

        private Builder(CircusConfig config) {
            this.config = config;
        }

        /** The process backend; when not given, the best one is created and owned by the arbiter. */
        public Builder launcher(ProcessLauncher l) { launcher = l; return this; }
        public Builder ticker(Ticker t) { ticker = t; return this; }
        /** Where children's output goes; by default through stdout_stream/stderr_stream on the arbiter's own writer. */
        public Builder outputs(WatcherOutputFactory f) { outputs = f; return this; }
        /** A listener registered before anything happens, so it sees every event from seq 1. */
        public Builder listener(EventListener l) { listeners.add(l); return this; }
        /**
         * Raise the daemon's soft open-files limit to the hard limit before checking the configuration
         * against it (circusd does); children keep the limit they would have had.
         */
        public Builder raiseFileLimit(boolean raise) { raiseFileLimit = raise; return this; }

        /** @throws IllegalArgumentException when a watcher needs what the backend cannot do */
        public ArbiterCore build() {
            return new ArbiterCore(this);
        }

    }
}
