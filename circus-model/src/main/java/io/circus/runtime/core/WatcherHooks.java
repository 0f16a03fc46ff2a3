package io.circus.runtime.core;

import io.circus.config.HookConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.extension.ExtensionException;
import io.circus.hook.HookContext;
import io.circus.hook.HookName;
import io.circus.hook.HookStats;
import io.circus.hook.HookTarget;
import io.circus.hook.run.HookOutcome;
import io.circus.hook.run.HookRunner;
import io.circus.process.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks of one watcher, with Circus's semantics (inventory §6.10): a hook that returns publishes
 * {@code hook_success} and its result counts; a hook that fails (throws, exits non-zero, times out) is
 * logged with its name, publishes {@code hook_failure} with the error, and counts as its
 * {@code ignore_failure} flag. A hook point without a hook answers true at once, without leaving the loop.
 *
 * <p>Threading: every method runs on the supervisor loop, and every future it returns completes there.
 * The hooks themselves run on {@link HookRunner} threads, one at a time per watcher, in call order.
 */
final class WatcherHooks {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherHooks.class);

    private final RuntimeContext ctx;
    private final WatcherCore watcher;
    /** Resolved targets by their text: resolving again for every call would reload nothing new. */
    private final Map<String, HookRunner.Resolved> resolved = new HashMap<>();
    /** Written on the loop, read by any thread (stats). */
    private final Map<HookName, Counters> counters = new ConcurrentHashMap<>();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    private static final class Counters {
        volatile long calls;
        volatile long falseResults;
        volatile long failures;
        volatile long timeouts;
        volatile String lastError;
    }

    WatcherHooks(RuntimeContext ctx, WatcherCore watcher) {
        this.ctx = ctx;
        this.watcher = watcher;
    }

    /**
     * Resolves every hook of {@code config} (loading Java classes), so that a target that cannot run is
     * refused when the watcher is created or changed, not when the hook point comes.
     *
     * @throws IllegalArgumentException naming the watcher, the hook, the target and what is wrong
     */
    void prepare(WatcherConfig config) {
        for (Map.Entry<String, HookConfig> e : config.hooks().entrySet()) {
            String text = e.getValue().target();
            if (!resolved.containsKey(text)) {
                try {
                    resolved.put(text, resolve(text));
                } catch (ExtensionException | IllegalArgumentException x) {
                    throw new IllegalArgumentException("watcher '" + config.name() + "': hooks." + e.getKey()
                            + " = " + text + ": " + x.getMessage(), x);
                }
            }
        }
    }

    private HookRunner.Resolved resolve(String text) throws ExtensionException {
        return ctx.hooks().resolve(HookTarget.parse(text));
    }

    /** Whether the watcher has a hook at this point. */
    boolean defines(HookName name) {
        return watcher.config().hooks().containsKey(name.circusName());
    }

    /** Whether starting this watcher waits for a hook (so the arbiter does not hold other watchers behind it). */
    boolean delayStart() {
        return defines(HookName.BEFORE_START) || defines(HookName.AFTER_START) || defines(HookName.BEFORE_SPAWN)
                || defines(HookName.AFTER_SPAWN);
    }

    /** A hook point with no data beyond the watcher. */
    CompletableFuture<Boolean> call(HookName name) {
        return call(name, 0, 0, null, null, null);
    }

    /**
     * Runs the watcher's hook at this point, after the hooks called before it.
     *
     * @return completes on the loop with the result: true when there is no hook
     */
    CompletableFuture<Boolean> call(HookName name, long pid, int signum, Double time, Integer exitCode,
                                    Map<String, Object> stats) {
        HookConfig hook = watcher.config().hooks().get(name.circusName());
        if (hook == null) {
            return CompletableFuture.completedFuture(true);
        }
        HookContext context = new HookContext(name.circusName(), watcher.name(), watcher, pid, signum,
                time != null ? time : System.currentTimeMillis() / 1000.0, exitCode, null, stats);
        return run(name, hook, context);
    }

    /** {@code after_reap}: {@code processStatus} is null when the daemon stopped the process (Circus). */
    CompletableFuture<Boolean> afterReap(long pid, double started, int exitCode, String processStatus) {
        HookConfig hook = watcher.config().hooks().get(HookName.AFTER_REAP.circusName());
        if (hook == null) {
            return CompletableFuture.completedFuture(true);
        }
        return run(HookName.AFTER_REAP, hook, new HookContext(HookName.AFTER_REAP.circusName(), watcher.name(),
                watcher, pid, 0, started, exitCode, processStatus, null));
    }

    private CompletableFuture<Boolean> run(HookName name, HookConfig hook, HookContext context) {
        HookRunner.Resolved target = resolved.get(hook.target());
        String unusable = null;
        if (target == null) {
            try {
                target = resolve(hook.target());
                resolved.put(hook.target(), target);
            } catch (ExtensionException | IllegalArgumentException e) {
                unusable = e.getMessage();
            }
        }
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        if (unusable != null) {
            result.complete(settle(name, hook, new HookOutcome(false, unusable, null, false)));
            return result;
        }
        HookRunner.Resolved chosen = target;
        CompletableFuture<HookOutcome> outcome = tail.handle((x, e) -> null)
                .thenCompose(x -> ctx.hooks().run(chosen, context));
        tail = outcome;
        outcome.whenComplete((o, e) -> ctx.loop().execute(() -> result.complete(settle(name, hook,
                e != null ? new HookOutcome(false, String.valueOf(e), e, false) : o))));
        return result;
    }

    private boolean settle(HookName name, HookConfig hook, HookOutcome o) {
        Counters c = counters.computeIfAbsent(name, n -> new Counters());
        c.calls++;
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", name.circusName());
        fields.put("time", System.currentTimeMillis() / 1000.0);
        if (!o.failed()) {
            if (!o.result()) {
                c.falseResults++;
                if (name.resultMatters()) {
                    LOG.info("{}: hook {} ({}) returned false", watcher.name(), name.circusName(), hook.target());
                }
            }
            ctx.events().publish(EventType.HOOK_SUCCESS, watcher.name(), 0, 0, fields);
            return o.result();
        }
        c.failures++;
        if (o.timedOut()) {
            c.timeouts++;
        }
        c.lastError = o.error();
        LOG.error("{}: hook {} ({}) failed: {}{}", watcher.name(), name.circusName(), hook.target(), o.error(),
                hook.ignoreFailure() ? " (failure ignored)" : "", o.cause());
        fields.put("error", o.error());
        ctx.events().publish(EventType.HOOK_FAILURE, watcher.name(), 0, 0, fields);
        return hook.ignoreFailure();
    }

    /**
     * The {@code signal} command. Circus's goes through {@code send_signal}: before_signal may veto the
     * signal (never SIGKILL), after_signal follows; with {@code children} no hook runs, as in Circus.
     *
     * @return the pids signalled, on the loop
     */
    CompletableFuture<List<Long>> signal(List<ProcessSlot> targets, Signal signal, boolean children, boolean recursive) {
        SignalSender sender = new SignalSender(ctx.launcher());
        if (children || !defines(HookName.BEFORE_SIGNAL) && !defines(HookName.AFTER_SIGNAL)) {
            return CompletableFuture.completedFuture(sender.send(targets, signal, children, recursive));
        }
        List<CompletableFuture<List<Long>>> each = new ArrayList<>();
        for (ProcessSlot slot : targets) {
            long pid = slot.pid();
            each.add(call(HookName.BEFORE_SIGNAL, pid, signal.number(), null, null, null).thenApply(go -> {
                // The process may have been replaced while the hook ran: the signal was meant for this pid.
                List<Long> sent = (go || signal.number() == Signal.KILL.number()) && slot.pid() == pid
                        ? sender.send(List.of(slot), signal, false, recursive) : List.<Long>of();
                call(HookName.AFTER_SIGNAL, pid, signal.number(), null, null, null);
                return sent;
            }));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(x -> each.stream().flatMap(f -> f.join().stream()).toList());
    }

    /** The configured hooks and their counters; any thread. */
    List<HookStats> stats() {
        List<HookStats> out = new ArrayList<>();
        for (HookName name : HookName.values()) {
            HookConfig hook = watcher.config().hooks().get(name.circusName());
            Counters c = counters.get(name);
            if (hook != null || c != null) {
                out.add(new HookStats(name.circusName(), hook == null ? null : hook.target(),
                        hook != null && hook.ignoreFailure(), c == null ? 0 : c.calls, c == null ? 0 : c.falseResults,
                        c == null ? 0 : c.failures, c == null ? 0 : c.timeouts, c == null ? null : c.lastError));
            }
        }
        return out;
    }
}
