package io.circus.jmx.internal;

import io.circus.runtime.Arbiter;
import io.circus.runtime.Watcher;
import java.util.List;
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
            List<String> names = autostarting(arbiter.watchers());
            ctx.completion().await(waiting, arbiter.startAll(), "start");
            return names;
        }
        List<Watcher> selected = WatcherSelector.select(arbiter, name, match);
        if (selected.size() == 1) {
            ctx.completion().await(waiting, selected.getFirst().start(), "start " + selected.getFirst().name());
            return names(selected);
        }
        ctx.completion().await(waiting, startInTurn(selected), "start " + name);
        return autostarting(selected);
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
