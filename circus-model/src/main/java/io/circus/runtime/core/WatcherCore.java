package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import io.circus.config.WatcherOptions;
import io.circus.event.EventType;
import io.circus.hook.HookName;
import io.circus.process.ExitStatus;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.runtime.BackoffStatus;
import io.circus.runtime.LifecycleOperation;
import io.circus.runtime.PidReport;
import io.circus.runtime.ProcessState;
import io.circus.runtime.SpawnFailure;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.Watcher;
import io.circus.runtime.WatcherState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime of one watcher. Public operations queue on this watcher only (never on others) and
 * run on the supervisor loop; reads use volatile state and never wait.
 */
final class WatcherCore implements Watcher {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherCore.class);

    private final RuntimeContext ctx;
    private final SlotLifecycle lifecycle;
    private final BackoffTracker backoff;
    private final SlotTable slots;
    private final WatcherHooks hooks;
    private volatile WatcherConfig config;
    private volatile WatcherState state = WatcherState.STOPPED;
    private volatile long restartCount;
    private volatile Integer lastExitCode;
    private WatcherOutput output;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    /** Set by stop/quit so that a long start (warmup_delay) gives up instead of delaying the stop. */
    private boolean abortStart;

    WatcherCore(RuntimeContext ctx, WatcherConfig config) {
        this.ctx = ctx;
        this.config = config;
        this.output = ctx.outputs().open(config);
        this.lifecycle = new SlotLifecycle(ctx, this);
        this.slots = new SlotTable((slot, added) -> ctx.events().slot(this, slot, added));
        this.backoff = new BackoffTracker(config.name(), ctx);
        this.hooks = new WatcherHooks(ctx, this);
        hooks.prepare(config);
    }

    @Override public String name() { return config.name(); }
    @Override public WatcherState state() { return state; }
    /** Written on the loop only, read by any thread. */
    private volatile SpawnFailure lastSpawnFailure;

    @Override public WatcherConfig config() { return config; }
    @Override public long restartCount() { return restartCount; }
    @Override public Integer lastExitCode() { return lastExitCode; }
    @Override public BackoffStatus backoff() { return backoff.status(); }

    BackoffTracker backoffTracker() {
        return backoff;
    }

    WatcherHooks hooks() {
        return hooks;
    }

    @Override
    public List<io.circus.hook.HookStats> hookStats() {
        return hooks.stats();
    }

    /** Not queued behind this watcher's operations: stats are a read, the hook only adds entries. */
    @Override
    public CompletableFuture<Map<String, Object>> extendedStats(long pid, Map<String, Object> stats) {
        Map<String, Object> copy = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(stats));
        return ctx.loop().call(() -> hooks.call(HookName.EXTENDED_STATS, pid, 0, null, null, copy))
                .thenApply(x -> new java.util.LinkedHashMap<String, Object>(copy));
    }

    /** A stop (or restart) was asked for and has not run yet: no new process may start meanwhile. */
    boolean stopPending() {
        return abortStart;
    }

    @Override public SpawnFailure lastSpawnFailure() { return lastSpawnFailure; }

    /** Called by the lifecycle, on the loop, for every failed spawn attempt. */
    void spawnFailed(String error) {
        SpawnFailure last = lastSpawnFailure;
        lastSpawnFailure = new SpawnFailure(last == null ? 1 : last.count() + 1, error);
    }

    WatcherOutput output() {
        return output;
    }

    @Override
    public List<String> outputTail(io.circus.process.StreamId stream, int lines) {
        return output.tail(stream, lines);
    }

    @Override
    public List<SupervisedProcess> processes() {
        return List.copyOf(slots.values());
    }

    @Override
    public Optional<SupervisedProcess> process(long pid) {
        return Optional.ofNullable(slots.byPid(pid));
    }

    @Override
    public int runningCount() {
        return slots.running();
    }

    @Override
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (ProcessSlot s : slots.values()) {
            if (s.state() == ProcessState.RUNNING || s.state() == ProcessState.STOPPING) {
                pids.add(s.pid());
            }
        }
        return pids;
    }

    // ---- operation queue --------------------------------------------------------------------------

    private <T> CompletableFuture<T> enqueue(Supplier<CompletableFuture<T>> op) {
        return ctx.loop().call(() -> {
            CompletableFuture<T> result = tail.handle((x, e) -> null).thenCompose(x -> op.get());
            tail = result;
            return result;
        });
    }

    private void setState(WatcherState next) {
        WatcherState previous = state;
        if (previous != next) {
            state = next;
            ctx.events().publish(EventType.STATE, name(), 0, 0, Map.of("from", previous.circusName(), "to", next.circusName()));
        }
    }

    private void publish(EventType type) {
        ctx.events().publish(type, name(), 0, 0, Map.of("time", System.currentTimeMillis() / 1000.0));
    }

    // ---- start / stop -----------------------------------------------------------------------------

    @Override
    public CompletableFuture<Boolean> start() {
        return enqueue(this::doStart);
    }

    @Override
    public CompletableFuture<Boolean> stop() {
        return ctx.loop().call(() -> {
            abortStart = true;
            return enqueue(this::doStop);
        });
    }

    @Override
    public CompletableFuture<Void> restart() {
        return ctx.loop().call(() -> {
            abortStart = true;
            return enqueue(() -> doStop().thenCompose(x -> doStart()).thenApply(x -> null));
        });
    }

    @Override
    public CompletableFuture<PidReport> perform(LifecycleOperation operation) {
        return switch (operation) {
            case START -> enqueue(() -> recorded(this::doStart));
            case STOP -> ctx.loop().call(() -> {
                abortStart = true;
                return enqueue(() -> recorded(this::doStop));
            });
            case RESTART -> ctx.loop().call(() -> {
                abortStart = true;
                return enqueue(() -> recorded(() -> doStop().thenCompose(x -> doStart())));
            });
            case RELOAD, RELOAD_SEQUENTIAL -> enqueue(() -> recorded(() -> new WatcherReloader(reloadTarget)
                    .reload(operation == LifecycleOperation.RELOAD_SEQUENTIAL)));
        };
    }

    /** Runs an operation while its table records the pids started and ended; the queue keeps one at a time. */
    private CompletableFuture<PidReport> recorded(Supplier<CompletableFuture<Boolean>> operation) {
        PidRecorder recorder = new PidRecorder();
        slots.record(recorder);
        CompletableFuture<Boolean> done;
        try {
            done = operation.get();
        } catch (RuntimeException e) {
            slots.stopRecording(recorder);
            return CompletableFuture.failedFuture(e);
        }
        return done.handle((ok, e) -> {
            slots.stopRecording(recorder);
            if (e != null) {
                throw e instanceof java.util.concurrent.CompletionException c ? c : new java.util.concurrent.CompletionException(e);
            }
            return recorder.report(slots);
        });
    }

    CompletableFuture<Boolean> doStart() {
        if (state != WatcherState.STOPPED || ctx.isQuitting()) {
            return CompletableFuture.completedFuture(false);
        }
        abortStart = false;
        setState(WatcherState.STARTING);
        // Circus: a false or failed before_start leaves the watcher stopped, with no process and no stop event.
        return hooks.call(HookName.BEFORE_START).thenCompose(go -> {
            if (!go || abortStart || ctx.isQuitting()) {
                setState(WatcherState.STOPPED);
                return CompletableFuture.completedFuture(false);
            }
            return startProcesses();
        });
    }

    private CompletableFuture<Boolean> startProcesses() {
        output.reopen();
        if (config.numProcesses() == 0) {
            LOG.warn("{}: numprocesses is 0, nothing to start", name());
            setState(WatcherState.STOPPED);
            return CompletableFuture.completedFuture(false);
        }
        return spawnMissing()
                .thenCompose(ok -> ok && state == WatcherState.STARTING
                        ? hooks.call(HookName.AFTER_START) : CompletableFuture.completedFuture(false))
                .thenCompose(ok -> {
                    if (ok && state == WatcherState.STARTING) {
                        setState(WatcherState.ACTIVE);
                        publish(EventType.START);
                        LOG.info("{} started", name());
                        return CompletableFuture.completedFuture(true);
                    }
                    return doStop().thenApply(x -> false);
                });
    }

    CompletableFuture<Boolean> doStop() {
        if (state == WatcherState.STOPPED) {
            return CompletableFuture.completedFuture(false);
        }
        setState(WatcherState.STOPPING);
        // Circus ignores the results of the stop hooks; they only run before and after.
        return hooks.call(HookName.BEFORE_STOP).thenCompose(x -> stopProcesses())
                .thenCompose(stopped -> hooks.call(HookName.AFTER_STOP).thenApply(x -> stopped));
    }

    private CompletableFuture<Boolean> stopProcesses() {
        List<CompletableFuture<ExitStatus>> exits = new ArrayList<>();
        for (ProcessSlot slot : slots.values()) {
            exits.add(lifecycle.kill(slot, config.stopSignal(), config.gracefulTimeout(), true));
        }
        return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).handle((x, e) -> {
            slots.values().forEach(ProcessSlot::discarded);
            slots.clear();
            backoff.clear();
            // Every process was reaped, and reaping waits for its pipes' end of file: nothing is lost.
            output.close();
            setState(WatcherState.STOPPED);
            publish(EventType.STOP);
            LOG.info("{} stopped", name());
            return true;
        });
    }

    /** Spawns slots until numprocesses are alive, warmup_delay apart; false if a spawn gave up. */
    private CompletableFuture<Boolean> spawnMissing() {
        if (ctx.isQuitting()) {
            return CompletableFuture.completedFuture(false);
        }
        int missing = config.numProcesses() - liveSlotCount();
        if (config.warmupDelay().isZero()) {
            // No spacing asked: hand every spawn to the spawner at once, so a thousand processes
            // cost a thousand spawns, not a thousand round trips through the loop.
            List<CompletableFuture<Boolean>> spawns = new ArrayList<>();
            for (int i = 0; i < missing; i++) {
                spawns.add(spawnNewSlot());
            }
            return CompletableFuture.allOf(spawns.toArray(CompletableFuture[]::new))
                    .thenApply(x -> !abortStart && spawns.stream().allMatch(CompletableFuture::join));
        }
        CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
        for (int i = 0; i < missing; i++) {
            boolean first = i == 0;
            chain = chain.thenCompose(ok -> {
                if (!ok || abortStart || liveSlotCount() >= config.numProcesses()) {
                    return CompletableFuture.completedFuture(ok && !abortStart);
                }
                long warmup = first ? 0 : config.warmupDelay().toNanos();
                return ctx.loop().delay(warmup).thenCompose(x -> abortStart
                        ? CompletableFuture.completedFuture(false) : spawnNewSlot());
            });
        }
        return chain;
    }

    private CompletableFuture<Boolean> spawnNewSlot() {
        ProcessSlot slot = new ProcessSlot(name(), slots.nextWid(), new Backoff(ctx.checkDelay()), ctx.loop());
        slots.add(slot);
        return lifecycle.spawn(slot).thenApply(ok -> {
            if (!ok && slot.process() == null) {
                forget(slot);
            }
            return ok;
        });
    }

    private int liveSlotCount() {
        int n = 0;
        for (ProcessSlot s : slots.values()) {
            if (!s.retired()) {
                n++;
            }
        }
        return n;
    }

    // ---- exits not asked for, max_age -------------------------------------------------------------

    /** Called by the lifecycle on the loop when a process ended on its own. */
    void unaskedExit(ProcessSlot slot, long pid, ExitStatus status, long uptimeNanos) {
        restartCount++;
        lastExitCode = status.circusExitCode();
        boolean running = state == WatcherState.ACTIVE || state == WatcherState.STARTING;
        if (slot.retired() || !running) {
            LOG.info("{}: pid {} (wid {}) {}", name(), pid, slot.wid(), status);
            forget(slot);
            return;
        }
        if (!config.respawn()) {
            LOG.info("{}: pid {} (wid {}) {}", name(), pid, slot.wid(), status);
            forget(slot);
            if (slots.isEmpty() && state == WatcherState.ACTIVE && !config.onDemand()) {
                enqueue(this::doStop);
            }
            return;
        }
        long delay = slot.backoff().next(uptimeNanos);
        if (delay > 0) {
            retryLater(slot, delay, "wid " + slot.wid() + " (pid " + pid + ") " + status + " after "
                    + uptimeNanos / 1_000_000 + " ms");
            return;
        }
        // One line per exit only while not backing off; a crash loop logs once (BackoffTracker).
        if (backoff.active()) {
            LOG.debug("{}: pid {} (wid {}) {}", name(), pid, slot.wid(), status);
        } else {
            LOG.info("{}: pid {} (wid {}) {}", name(), pid, slot.wid(), status);
        }
        slot.respawnAfter(0, () -> respawn(slot));
    }

    /** Respawns the slot after {@code delayNanos}, in back-off (visible in status and events). */
    void retryLater(ProcessSlot slot, long delayNanos, String reason) {
        backoff.waiting(slot, delayNanos, slot.backoff().capNanos(), reason);
        slot.respawnAfter(delayNanos, () -> respawn(slot));
    }

    private void respawn(ProcessSlot slot) {
        if (slot.retired() || ctx.isQuitting() || abortStart
                || state != WatcherState.ACTIVE && state != WatcherState.STARTING) {
            return;
        }
        backoff.retrying(slot);
        lifecycle.spawn(slot).thenAccept(ok -> {
            if (!ok && !slot.retired() && state == WatcherState.ACTIVE) {
                LOG.error("{}: giving up on wid {} after max_retry spawn failures; stopping the watcher", name(), slot.wid());
                enqueue(this::doStop);
            }
        });
    }

    /** The slot leaves the watcher. */
    void forget(ProcessSlot slot) {
        slots.remove(slot);
        backoff.forget(slot);
    }

    /** The slot's process reached max_age: replace it. */
    void expired(ProcessSlot slot) {
        if (slot.retired() || state != WatcherState.ACTIVE) {
            return;
        }
        replace(slot, config.stopSignal(), config.gracefulTimeout());
    }

    /** Stops a slot's process and, while the watcher is active, starts a new one in the same slot. */
    private CompletableFuture<ExitStatus> replace(ProcessSlot slot, Signal signal, Duration timeout) {
        return lifecycle.kill(slot, signal, timeout, false).thenApply(status -> {
            if (!slot.retired() && state == WatcherState.ACTIVE && config.respawn() && !ctx.isQuitting()) {
                lifecycle.spawn(slot);
            } else {
                forget(slot);
            }
            return status;
        });
    }

    // ---- process count ----------------------------------------------------------------------------

    @Override
    public CompletableFuture<Integer> incr(int n) {
        CompletableFuture<Integer> refused = refusedAtOnce(config.numProcesses() + n);
        return refused != null ? refused : enqueue(() -> resize(config.numProcesses() + n));
    }

    /**
     * The open-files check on the caller's thread too, so a refusal reaches a caller that does not
     * wait (Circus's non-waiting replies); the queued operation checks again against what is current.
     */
    private <T> CompletableFuture<T> refusedAtOnce(int target) {
        if (target <= config.numProcesses() || config.singleton()) {
            return null;
        }
        try {
            ctx.budget().checkChange(config.withNumProcesses(target));
            return null;
        } catch (io.circus.runtime.DescriptorLimitException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Integer> decr(int n) {
        return enqueue(() -> resize(Math.max(0, config.numProcesses() - n)));
    }

    @Override
    public CompletableFuture<Integer> setNumProcesses(int n) {
        if (n < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("numprocesses must be >= 0, got " + n));
        }
        if (config.singleton() && n > 1) {
            return CompletableFuture.failedFuture(io.circus.runtime.CircusException.singleton());
        }
        CompletableFuture<Integer> refused = refusedAtOnce(n);
        return refused != null ? refused : enqueue(() -> resize(n));
    }

    /** The definition with {@code options} applied in order and the result checked. */
    private static WatcherConfig validated(WatcherConfig base, Map<String, ?> options) {
        WatcherConfig next = base;
        for (Map.Entry<String, ?> e : options.entrySet()) {
            next = WatcherOptions.apply(next, e.getKey(), e.getValue());
        }
        WatcherOptions.validate(next);
        return next;
    }

    CompletableFuture<Integer> resize(int target) {
        if (config.singleton() && target > 1) {
            return CompletableFuture.completedFuture(config.numProcesses());
        }
        if (target > config.numProcesses()) {
            ctx.budget().checkChange(config.withNumProcesses(target)); // refuses before anything changes
        }
        config = config.withNumProcesses(target);
        if (state != WatcherState.ACTIVE) {
            return CompletableFuture.completedFuture(target);
        }
        int extra = liveSlotCount() - target;
        if (extra <= 0) {
            return spawnMissing().thenApply(ok -> config.numProcesses());
        }
        // Circus stops the oldest processes first.
        List<ProcessSlot> oldest = slots.values().stream().filter(s -> !s.retired())
                .sorted(Comparator.comparingLong(ProcessSlot::startedNanos)).limit(extra).toList();
        List<CompletableFuture<ExitStatus>> exits = new ArrayList<>();
        for (ProcessSlot slot : oldest) {
            exits.add(lifecycle.kill(slot, config.stopSignal(), config.gracefulTimeout(), true)
                    .whenComplete((s, e) -> forget(slot)));
        }
        return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).handle((x, e) -> config.numProcesses());
    }

    // ---- reload, signal, kill, reconfigure --------------------------------------------------------

    @Override
    public CompletableFuture<Void> reload(boolean graceful, boolean sequential) {
        if (!graceful) {
            return restart();
        }
        return enqueue(() -> new WatcherReloader(reloadTarget).reload(sequential)).thenApply(x -> null);
    }

    @Override
    public CompletableFuture<List<Long>> signal(Signal signal, long pid, boolean children, boolean recursive) {
        return ctx.loop().call(() -> hooks.signal(targets(pid), signal, children, recursive));
    }

    /**
     * Not queued behind other operations of this watcher: an operator's kill must cut a slow stop
     * short, not wait for its graceful timeout (a kill sequence already running is hastened).
     */
    @Override
    public CompletableFuture<List<Long>> kill(long pid, Signal signal, Duration graceful) {
        return ctx.loop().call(() -> {
            List<ProcessSlot> targets = targets(pid);
            List<Long> pids = targets.stream().map(ProcessSlot::pid).toList();
            List<CompletableFuture<ExitStatus>> exits = new ArrayList<>();
            for (ProcessSlot slot : targets) {
                exits.add(replace(slot, signal != null ? signal : config.stopSignal(),
                        graceful != null ? graceful : config.gracefulTimeout()));
            }
            return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).thenApply(x -> pids);
        });
    }

    private List<ProcessSlot> targets(long pid) {
        if (pid == 0) {
            return slots.values().stream().filter(s -> s.process() != null).toList();
        }
        ProcessSlot slot = slots.byPid(pid);
        if (slot == null || slot.process() == null) {
            throw new IllegalArgumentException("process " + pid + " not found in watcher '" + name() + "'");
        }
        return List.of(slot);
    }

    @Override
    public CompletableFuture<Boolean> reconfigure(WatcherConfig next) {
        if (!next.name().equalsIgnoreCase(name())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "cannot rename watcher '" + name() + "' to '" + next.name() + "'"));
        }
        return enqueue(() -> {
            ctx.budget().checkChange(next);
            return apply(next);
        });
    }

    @Override
    public CompletableFuture<Boolean> set(Map<String, ?> options) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(options);
        Object count = copy.get("numprocesses");
        String countText = count instanceof String || count instanceof Integer || count instanceof Long
                ? count.toString().strip() : "";
        if (countText.matches("\\d{1,9}")) {
            int target = Integer.parseInt(countText);
            if (config.singleton() && target > 1) {
                return CompletableFuture.failedFuture(io.circus.runtime.CircusException.singleton());
            }
            CompletableFuture<Boolean> refused = refusedAtOnce(target);
            if (refused != null) {
                return refused;
            }
        }
        try {
            // Against the definition current now, so a bad value is refused at once even without
            // waiting; checked again in the queue against the definition current then.
            validated(config, copy);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return enqueue(() -> {
            WatcherConfig next = validated(config, copy);
            CapabilityCheck.validate(next, ctx.launcher());
            hooks.prepare(next);
            StreamOutput.validate(next);
            ctx.budget().checkChange(next);
            for (String key : copy.keySet()) {
                ctx.events().publish(EventType.UPDATED, name(), 0, 0,
                        Map.of("time", System.currentTimeMillis() / 1000.0, "key", key));
            }
            return apply(next);
        });
    }

    /** Applies a new definition on the loop: live changes in place, anything else restarts this watcher. */
    private CompletableFuture<Boolean> apply(WatcherConfig next) {
        WatcherConfig previous = config;
        if (onlyLiveChanges(previous, next)) {
            config = next.withNumProcesses(previous.numProcesses());
            return resize(next.numProcesses()).thenApply(n -> false);
        }
        boolean wasRunning = state != WatcherState.STOPPED;
        return doStop().thenCompose(x -> {
            config = next;
            output = ctx.outputs().open(next);
            return wasRunning ? doStart().thenApply(y -> true) : CompletableFuture.completedFuture(true);
        });
    }

    /** Whether every option that differs applies to running processes (no restart needed). */
    static boolean onlyLiveChanges(WatcherConfig a, WatcherConfig b) {
        return WatcherOptions.changedKeys(a, b).stream().allMatch(WatcherOptions::isLive);
    }

    /** What a graceful reload may do to this watcher; its calls run on the loop, inside the watcher's queue. */
    private final ReloadTarget reloadTarget = new ReloadTarget() {
        @Override public String name() { return WatcherCore.this.name(); }
        @Override public WatcherState state() { return state; }
        @Override public WatcherConfig config() { return config; }
        @Override public CompletableFuture<Boolean> start() { return doStart(); }

        @Override
        public void signalAll(Signal signal) {
            for (ProcessSlot slot : slots.values()) {
                ManagedProcess p = slot.process();
                if (p != null) {
                    p.signal(signal);
                }
            }
        }

        @Override
        public List<ProcessSlot> liveSlots() {
            return slots.values().stream().filter(s -> !s.retired()).toList();
        }

        @Override public boolean fits(WatcherConfig definition) { return ctx.budget().fits(definition); }
        @Override public CompletableFuture<Boolean> spawnSlot() { return spawnNewSlot(); }

        @Override
        public CompletableFuture<ExitStatus> stopSlot(ProcessSlot slot) {
            return lifecycle.kill(slot, config.stopSignal(), config.gracefulTimeout(), true)
                    .whenComplete((s, e) -> forget(slot));
        }

        @Override public CompletableFuture<Void> delay(long nanos) { return ctx.loop().delay(nanos); }
        @Override public void reloaded() { publish(EventType.RELOAD); }
    };

    /** Forgets every slot without stopping its process (rm --nostop). */
    void abandon() {
        slots.values().forEach(ProcessSlot::discarded);
        slots.clear();
        backoff.clear();
        setState(WatcherState.STOPPED);
    }

    ManagedProcess processOf(long pid) {
        ProcessSlot slot = slots.byPid(pid);
        return slot == null ? null : slot.process();
    }
}
