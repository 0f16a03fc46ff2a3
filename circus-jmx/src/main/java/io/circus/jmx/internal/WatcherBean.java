package io.circus.jmx.internal;

import io.circus.config.WatcherConfig;
import io.circus.config.WatcherOptions;
import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.jmx.CircusNames;
import io.circus.jmx.OptionsView;
import io.circus.jmx.PidChanges;
import io.circus.jmx.ProcessStats;
import io.circus.jmx.StateCodes;
import io.circus.jmx.WatcherMXBean;
import io.circus.runtime.LifecycleOperation;
import io.circus.runtime.PidReport;
import io.circus.runtime.SpawnFailure;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.Watcher;
import io.circus.stats.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.management.ObjectName;

/**
 * A Watcher bean. The runtime watcher behind it can be swapped when a watcher of the same name
 * replaces it between two reconciliations, so the bean (and its listeners) outlive such a swap.
 * Every operation first checks that the watcher is still the arbiter's, so a stale bean can never
 * act on a removed watcher.
 */
final class WatcherBean implements WatcherMXBean {

    private final AgentContext ctx;
    private final Emitter emitter;
    private volatile Watcher watcher;

    WatcherBean(AgentContext ctx, Watcher watcher, Emitter emitter) {
        this.ctx = ctx;
        this.watcher = watcher;
        this.emitter = emitter;
    }

    Watcher watcher() {
        return watcher;
    }

    void watcher(Watcher w) {
        watcher = w;
    }

    /** Called on the dispatcher thread for each event of this watcher. */
    void onEvent(EventNotifications.Content content) {
        if (!emitter.listened()) {
            return;
        }
        Event event = content.event();
        emitter.send(EventNotifications.of(content, emitter.name()));
        if (event.type() == EventType.STATE) {
            emitter.send(EventNotifications.stateChange(emitter.name(), event, (String) event.fields().get("from"),
                    (String) event.fields().get("to")));
        }
    }

    private Watcher current() {
        Watcher w = watcher;
        if (ctx.arbiter().watcher(w.name()).orElse(null) != w) {
            throw new IllegalArgumentException("program " + w.name() + " not found");
        }
        return w;
    }

    // ---- attributes ---------------------------------------------------------------------------

    @Override public String getName() { return watcher.name(); }
    @Override public String getState() { return watcher.state().circusName(); }
    @Override public int getStateCode() { return StateCodes.of(watcher.state()); }
    @Override public int getNumProcesses() { return watcher.config().numProcesses(); }
    @Override public int getRunning() { return watcher.runningCount(); }
    @Override public boolean isSingleton() { return watcher.config().singleton(); }
    @Override public long getRestartCount() { return watcher.restartCount(); }
    @Override public Integer getLastExitCode() { return watcher.lastExitCode(); }
    @Override public boolean isBackingOff() { return watcher.backoff().backingOff(); }
    @Override public int getBackoffSlots() { return watcher.backoff().slots(); }
    @Override public long getBackoffDelayMillis() { return watcher.backoff().delayMillis(); }
    @Override public long getNextRetryEpochMillis() { return watcher.backoff().nextRetryEpochMillis(); }
    @Override public long getBackoffSinceEpochMillis() { return watcher.backoff().sinceEpochMillis(); }
    @Override public String getBackoffReason() { return watcher.backoff().reason(); }

    @Override
    public String getFlapping() {
        return io.circus.runtime.FlappingStatus.describe(ctx.arbiter().flapping(watcher.name()), watcher.backoff(),
                System.currentTimeMillis());
    }

    @Override
    public void setNumProcesses(int n) {
        Watcher w = current();
        checkCount(n);
        ctx.completion().await(false, w.setNumProcesses(n), "numprocesses " + w.name());
    }

    @Override
    public long[] getPids() {
        return watcher.pids().stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public ObjectName[] getProcesses() {
        Watcher w = watcher;
        return w.processes().stream().map(p -> CircusNames.process(w.name(), p.wid())).toArray(ObjectName[]::new);
    }

    @Override
    public OptionsView getOptions() {
        Watcher w = watcher;
        return OptionsView.of("watcher:" + w.name(), WatcherOptions.toOptions(w.config()));
    }

    @Override
    public Map<String, String> getOptionTable() {
        Map<String, String> rows = new LinkedHashMap<>();
        new java.util.TreeMap<>(WatcherOptions.toOptions(watcher.config())).forEach((k, v) -> rows.put(k, text(v)));
        return rows;
    }

    /** Lists and maps as Circus's ini would spell them, so the text can be pasted back into setOption. */
    private static String text(Object v) {
        return switch (v) {
            case null -> "";
            case Map<?, ?> m -> String.join(",", m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            case java.util.Collection<?> c -> String.join(",", c.stream().map(String::valueOf).toList());
            default -> String.valueOf(v);
        };
    }

    @Override
    public double getCpuPercent() {
        return usage().cpuPercent();
    }

    @Override
    public long getRssBytes() {
        return usage().rssBytes();
    }

    private Usage usage() {
        return ctx.stats().sampler().total(watcher.pids());
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    @Override
    public PidChanges start(boolean waiting) {
        Watcher w = current();
        return changes(w, LifecycleOperation.START, () -> w.start(), waiting, "start " + w.name());
    }

    @Override
    public PidChanges stop(boolean waiting) {
        Watcher w = current();
        return changes(w, LifecycleOperation.STOP, () -> w.stop(), waiting, "stop " + w.name());
    }

    @Override
    public PidChanges restart(boolean waiting) {
        Watcher w = current();
        return changes(w, LifecycleOperation.RESTART, () -> w.restart(), waiting, "restart " + w.name());
    }

    @Override
    public PidChanges reload(boolean graceful, boolean sequential, boolean waiting) {
        Watcher w = current();
        LifecycleOperation op = !graceful ? LifecycleOperation.RESTART
                : sequential ? LifecycleOperation.RELOAD_SEQUENTIAL : LifecycleOperation.RELOAD;
        return changes(w, op, () -> w.reload(graceful, sequential), waiting, "reload " + w.name());
    }

    /**
     * Runs the operation; with waiting, reports the pids it started, stopped and kept as the watcher
     * recorded them while it ran (no before/after lists of every pid to compare).
     */
    private PidChanges changes(Watcher w, LifecycleOperation operation,
                               java.util.function.Supplier<CompletableFuture<?>> launch, boolean waiting, String what) {
        if (!waiting) {
            ctx.completion().await(false, launch.get(), what);
            return null;
        }
        SpawnFailure failedBefore = w.lastSpawnFailure();
        PidReport report = ctx.completion().await(w.perform(operation), what);
        if (report.started().isEmpty()) {
            requireNoSpawnFailure(w, failedBefore, what);
        }
        return PidChanges.of(report, List.of(w.name()));
    }

    /**
     * A waiting operation that started nothing because every spawn failed is an error saying why
     * (Circus logs it and answers ok; the watcher then sits stopped with no reason given).
     */
    static void requireNoSpawnFailure(Watcher w, SpawnFailure before, String what) {
        SpawnFailure now = w.lastSpawnFailure();
        if (now != null && (before == null || now.count() > before.count())) {
            throw new IllegalStateException(what + " started no process: " + now.error());
        }
    }

    @Override
    public Integer incr(int nb, boolean waiting) {
        Watcher w = current();
        requireCount(nb);
        if (w.config().singleton()) {
            return w.config().numProcesses();
        }
        // Counts, not pid lists: an incr must not copy every pid of a watcher of ten thousand.
        int runningBefore = w.runningCount();
        SpawnFailure failedBefore = w.lastSpawnFailure();
        Integer n = ctx.completion().await(waiting, w.incr(nb), "incr " + w.name());
        if (waiting && nb > 0 && w.runningCount() <= runningBefore) {
            requireNoSpawnFailure(w, failedBefore, "incr " + w.name());
        }
        return n;
    }

    @Override
    public Integer decr(int nb, boolean waiting) {
        Watcher w = current();
        requireCount(nb);
        if (w.config().singleton()) {
            return w.config().numProcesses();
        }
        return ctx.completion().await(waiting, w.decr(nb), "decr " + w.name());
    }

    private static void requireCount(int nb) {
        if (nb < 0) {
            throw new IllegalArgumentException("nb must be 0 or more, got " + nb);
        }
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("numprocesses must be 0 or more, got " + n);
        }
    }

    // ---- signals ------------------------------------------------------------------------------

    @Override
    public long[] signal(String signum, long pid, long childpid, boolean children, boolean recursive) {
        return ProcessSignals.signal(ctx, current(), signum, pid, childpid, children, recursive);
    }

    @Override
    public String[] sendSignal(String signum) {
        return java.util.Arrays.stream(signal(signum, 0, 0, false, false)).mapToObj(Long::toString).toArray(String[]::new);
    }

    @Override
    public long[] kill(long pid, String signum, double gracefulTimeout, boolean waiting) {
        return ProcessSignals.kill(ctx, current(), pid, signum, gracefulTimeout, waiting);
    }

    // ---- options ------------------------------------------------------------------------------

    @Override
    public void set(Map<String, String> options, boolean waiting) {
        apply(options, waiting);
    }

    @Override
    public void set(String[] keys, OptionsView values, boolean waiting) {
        apply(OptionsView.ordered(keys, values), waiting);
    }

    /** Both forms of set: text (as an ini file writes it) or typed values, checked then queued. */
    private void apply(Map<String, ?> options, boolean waiting) {
        Watcher w = current();
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException("message invalid 'options' is missing");
        }
        // The watcher refuses a bad value (or more than one process for a singleton) at once, and
        // applies the change in its queue so it composes with operations queued before it.
        CompletableFuture<Boolean> applied = w.set(options);
        ctx.completion().await(waiting, applied, "set " + w.name());
    }

    @Override
    public void setOption(String key, String value, boolean waiting) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(key, value);
        set(one, waiting);
    }

    @Override
    public OptionsView get(String[] keys) {
        Watcher w = current();
        if (keys == null || keys.length == 0) {
            throw new IllegalArgumentException("message invalid 'keys' is missing");
        }
        Map<String, Object> all = WatcherOptions.toOptions(w.config());
        Map<String, Object> some = new LinkedHashMap<>();
        for (String key : keys) {
            if (!all.containsKey(key)) {
                throw new IllegalArgumentException("'" + key + "' option not found");
            }
            some.put(key, all.get(key));
        }
        return OptionsView.of("watcher:" + w.name(), some);
    }

    @Override
    public String getOption(String key) {
        Watcher w = current();
        Map<String, Object> all = WatcherOptions.toOptions(w.config());
        if (key == null || !all.containsKey(key)) {
            throw new IllegalArgumentException("'" + key + "' option not found");
        }
        return text(all.get(key));
    }

    @Override
    public String[] tail(String stream, int lines) {
        io.circus.process.StreamId id = switch (stream == null ? "" : stream.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "stdout" -> io.circus.process.StreamId.STDOUT;
            case "stderr" -> io.circus.process.StreamId.STDERR;
            default -> throw new IllegalArgumentException("stream must be stdout or stderr, got '" + stream + "'");
        };
        return current().outputTail(id, lines).toArray(String[]::new);
    }

    // ---- stats --------------------------------------------------------------------------------

    @Override
    public List<ProcessStats> stats() {
        return ctx.stats().of(current());
    }

    @Override
    public Map<String, String> extendedStats(long pid) {
        Watcher w = current();
        if (!w.config().hooks().containsKey("extended_stats")) {
            return Map.of();
        }
        ProcessStats base = processStats(pid);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("pid", base.pid());
        before.put("cpu", base.cpu());
        before.put("mem", base.mem());
        before.put("mem_info1", base.memInfo1());
        before.put("mem_info2", base.memInfo2());
        before.put("age", base.age());
        before.put("cmdline", base.cmdline());
        Map<String, Object> after = ctx.completion().await(w.extendedStats(pid, before), "stats " + w.name());
        Map<String, String> added = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!before.containsKey(k) || !java.util.Objects.equals(before.get(k), v)) {
                added.put(k, String.valueOf(v));
            }
        });
        return added;
    }

    @Override
    public Map<String, String> getHooks() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (io.circus.hook.HookStats h : watcher.hookStats()) {
            rows.put(h.name(), h.target() + (h.ignoreFailure() ? ", true" : ", false") + "; calls " + h.calls()
                    + ", false " + h.falseResults() + ", failures " + h.failures() + ", timeouts " + h.timeouts()
                    + (h.lastError() == null ? "" : "; last error: " + h.lastError()));
        }
        return rows;
    }

    @Override
    public ProcessStats processStats(long pid) {
        Watcher w = current();
        SupervisedProcess p = w.process(pid).orElseThrow(
                () -> new IllegalArgumentException("process " + pid + " not found in '" + w.name() + "'"));
        return ctx.stats().of(p).orElseThrow(
                () -> new IllegalArgumentException("process " + pid + " not found in '" + w.name() + "'"));
    }
}
