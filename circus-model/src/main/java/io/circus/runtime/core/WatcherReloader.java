package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import io.circus.process.ExitStatus;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.runtime.WatcherState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A graceful reload: SIGHUP with send_hup; otherwise new processes first, then the old ones are
 * stopped (all at once, or one by one when sequential), so the service never has zero workers.
 */
final class WatcherReloader {

    private final WatcherCore watcher;
    private final SlotLifecycle lifecycle;

    WatcherReloader(WatcherCore watcher, SlotLifecycle lifecycle) {
        this.watcher = watcher;
        this.lifecycle = lifecycle;
    }

    CompletableFuture<Boolean> reload(boolean sequential) {
        if (watcher.state() == WatcherState.STOPPED) {
            return watcher.doStart().thenApply(started -> {
                watcher.publishReload();
                return started;
            });
        }
        WatcherConfig config = watcher.config();
        if (config.sendHup()) {
            for (ProcessSlot slot : watcher.slots().values()) {
                ManagedProcess p = slot.process();
                if (p != null) {
                    p.signal(Signal.HUP);
                }
            }
            watcher.publishReload();
            return CompletableFuture.completedFuture(true);
        }
        List<ProcessSlot> old = watcher.slots().values().stream().filter(s -> !s.retired).toList();
        old.forEach(s -> s.retired = true); // They must not be respawned while being replaced.
        CompletableFuture<Boolean> done = sequential ? oneByOne(old, config) : allAtOnce(old, config);
        return done.thenApply(ok -> {
            watcher.publishReload();
            return ok;
        });
    }

    private CompletableFuture<Boolean> allAtOnce(List<ProcessSlot> old, WatcherConfig config) {
        CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
        for (int i = 0; i < config.numProcesses(); i++) {
            long warmup = i == 0 ? 0 : config.warmupDelay().toNanos();
            chain = chain.thenCompose(ok -> watcher.context().loop().delay(warmup)
                    .thenCompose(x -> watcher.spawnSlot()).thenApply(spawned -> ok && spawned));
        }
        return chain.thenCompose(ok -> {
            List<CompletableFuture<ExitStatus>> exits = new ArrayList<>();
            for (ProcessSlot slot : old) {
                exits.add(stopOld(slot, config));
            }
            return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).handle((x, e) -> ok);
        });
    }

    private CompletableFuture<Boolean> oneByOne(List<ProcessSlot> old, WatcherConfig config) {
        CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
        for (ProcessSlot slot : old) {
            chain = chain.thenCompose(ok -> watcher.spawnSlot()
                    .thenCompose(spawned -> stopOld(slot, config).handle((s, e) -> ok && spawned))
                    .thenCompose(r -> watcher.context().loop().delay(config.warmupDelay().toNanos()).thenApply(x -> r)));
        }
        return chain;
    }

    private CompletableFuture<ExitStatus> stopOld(ProcessSlot slot, WatcherConfig config) {
        return lifecycle.kill(slot, config.stopSignal(), config.gracefulTimeout(), true)
                .whenComplete((s, e) -> watcher.slots().remove(slot));
    }
}
