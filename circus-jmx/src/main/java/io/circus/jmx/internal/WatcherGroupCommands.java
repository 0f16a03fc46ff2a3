package io.circus.jmx.internal;

import io.circus.runtime.Arbiter;
import io.circus.runtime.SpawnFailure;
import io.circus.runtime.Watcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Circus's {@code start}, {@code stop} and {@code restart} addressed to a pattern or to everything.
 * One selected watcher gets its own operation (so {@code autostart=false} does not matter, as in
 * Circus); several are started one after another in priority order, skipping {@code autostart=false},
 * and stopped all at once.
 */
final class WatcherGroupCommands {

    private final AgentContext ctx;
    private final Arbiter arbiter;

    WatcherGroupCommands(AgentContext ctx) {
        this.ctx = ctx;
        this.arbiter = ctx.arbiter();
    }

    List<String> start(String name, String match, boolean waiting) {
        if (name == null || name.isEmpty()) {
            List<Watcher> all = arbiter.watchers();
            Map<Watcher, SpawnFailure> before = failures(all);
            ctx.completion().await(waiting, arbiter.startAll(), "start");
            if (waiting) {
                requireSomethingStarted(all, before, "start");
            }
            return autostarting(all);
        }
        List<Watcher> selected = WatcherSelector.select(arbiter, name, match);
        Map<Watcher, SpawnFailure> before = failures(selected);
        if (selected.size() == 1) {
            ctx.completion().await(waiting, selected.getFirst().start(), "start " + selected.getFirst().name());
        } else {
            ctx.completion().await(waiting, startInTurn(selected), "start " + name);
        }
        if (waiting) {
            requireSomethingStarted(selected, before, "start " + name);
        }
        return selected.size() == 1 ? names(selected) : autostarting(selected);
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

    List<String> stop(String name, String match, boolean waiting) {
        if (name == null || name.isEmpty()) {
            ctx.completion().await(waiting, arbiter.stopAll(), "stop");
            return names(arbiter.watchers());
        }
        List<Watcher> selected = WatcherSelector.select(arbiter, name, match);
        ctx.completion().await(waiting, stopAll(selected), "stop " + name);
        return names(selected);
    }

    List<String> restart(String name, String match, boolean waiting) {
        if (name == null || name.isEmpty()) {
            ctx.completion().await(waiting, arbiter.restartAll(), "restart");
            return names(arbiter.watchers());
        }
        List<Watcher> selected = WatcherSelector.select(arbiter, name, match);
        if (selected.size() == 1) {
            ctx.completion().await(waiting, selected.getFirst().restart(), "restart " + selected.getFirst().name());
            return names(selected);
        }
        ctx.completion().await(waiting, stopAll(selected).thenCompose(x -> startInTurn(selected)), "restart " + name);
        return names(selected);
    }

    private static CompletableFuture<Void> startInTurn(List<Watcher> watchers) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Watcher w : watchers) {
            if (w.config().autostart()) {
                chain = chain.thenCompose(x -> w.start()).thenApply(x -> null);
            }
        }
        return chain;
    }

    private static CompletableFuture<Void> stopAll(List<Watcher> watchers) {
        return CompletableFuture.allOf(watchers.reversed().stream().map(Watcher::stop).toArray(CompletableFuture[]::new));
    }

    private static List<String> names(List<Watcher> watchers) {
        return watchers.stream().map(Watcher::name).toList();
    }

    private static List<String> autostarting(List<Watcher> watchers) {
        return watchers.stream().filter(w -> w.config().autostart()).map(Watcher::name).toList();
    }
}
