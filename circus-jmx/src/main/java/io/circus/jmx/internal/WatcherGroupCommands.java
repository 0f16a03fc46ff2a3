package io.circus.jmx.internal;

import io.circus.jmx.PidChanges;
import io.circus.runtime.Arbiter;
import io.circus.runtime.LifecycleOperation;
import io.circus.runtime.PidReport;
import io.circus.runtime.SpawnFailure;
import io.circus.runtime.Watcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Circus's {@code start}, {@code stop}, {@code restart} and {@code reload} addressed to a pattern or
 * to everything, and the one place that decides between one watcher and a group: a pattern that
 * selects exactly one watcher gets that watcher's own operation (so {@code autostart=false} does not
 * matter, as in Circus); none or several get the arbiter's group operation. Either way the runtime
 * reports the pids, and the caller gets one {@link PidChanges} naming the watchers addressed.
 */
final class WatcherGroupCommands {

    private final AgentContext ctx;
    private final Arbiter arbiter;

    WatcherGroupCommands(AgentContext ctx) {
        this.ctx = ctx;
        this.arbiter = ctx.arbiter();
    }

    PidChanges start(String name, String match, boolean waiting) {
        return run(name, match, waiting, "start", LifecycleOperation.START, arbiter::startGroup);
    }

    PidChanges stop(String name, String match, boolean waiting) {
        return run(name, match, waiting, "stop", LifecycleOperation.STOP, arbiter::stopGroup);
    }

    PidChanges restart(String name, String match, boolean waiting) {
        return run(name, match, waiting, "restart", LifecycleOperation.RESTART, arbiter::restartGroup);
    }

    PidChanges reload(boolean graceful, boolean sequential, boolean waiting) {
        List<Watcher> all = arbiter.watchers();
        PidReport report = ctx.completion().await(waiting, arbiter.reloadGroup(graceful, sequential), "reload");
        return report == null ? null : PidChanges.of(report, names(all));
    }

    /**
     * One watcher's own operation, or the group's. A waiting call after which nothing was started
     * because spawns failed is an error: for one watcher, whenever its spawn failures grew; for a
     * group start, when none of the watchers runs.
     *
     * @param group the arbiter's operation on several watchers (null: every one)
     */
    private PidChanges run(String name, String match, boolean waiting, String verb, LifecycleOperation single,
                           Function<List<String>, CompletableFuture<PidReport>> group) {
        boolean all = name == null || name.isEmpty();
        List<Watcher> selected = all ? arbiter.watchers() : WatcherSelector.select(arbiter, name, match);
        boolean one = !all && selected.size() == 1;
        Map<Watcher, SpawnFailure> before = failures(selected);
        String what = all ? verb : one ? verb + " " + selected.getFirst().name() : verb + " " + name;
        CompletableFuture<PidReport> operation = one ? selected.getFirst().perform(single)
                : group.apply(all ? null : names(selected));
        PidReport report = ctx.completion().await(waiting, operation, what);
        if (report == null) {
            return null;
        }
        if (one && report.started().isEmpty()) {
            Watcher w = selected.getFirst();
            WatcherBean.requireNoSpawnFailure(w, before.get(w), what);
        } else if (!one && single == LifecycleOperation.START) {
            requireSomethingStarted(selected, before, what);
        }
        return PidChanges.of(report, names(selected));
    }

    private static Map<Watcher, SpawnFailure> failures(List<Watcher> watchers) {
        Map<Watcher, SpawnFailure> m = new HashMap<>();
        watchers.forEach(w -> m.put(w, w.lastSpawnFailure()));
        return m;
    }

    /**
     * A waiting start after which nothing runs, because spawns failed during it, is an error naming
     * each failure; when anything runs, the start did something and the failures are only logged.
     */
    private static void requireSomethingStarted(List<Watcher> watchers, Map<Watcher, SpawnFailure> before, String what) {
        StringBuilder why = new StringBuilder();
        for (Watcher w : watchers) {
            if (!w.pids().isEmpty()) {
                return;
            }
            SpawnFailure was = before.get(w);
            SpawnFailure now = w.lastSpawnFailure();
            if (now != null && (was == null || now.count() > was.count())) {
                why.append(why.isEmpty() ? "" : "; ").append(w.name()).append(": ").append(now.error());
            }
        }
        if (!why.isEmpty()) {
            throw new IllegalStateException(what + " started no process: " + why);
        }
    }

    private static List<String> names(List<Watcher> watchers) {
        return watchers.stream().map(Watcher::name).toList();
    }
}
