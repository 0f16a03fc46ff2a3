package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import io.circus.process.ExitStatus;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WatcherReloader.class);

    private final ReloadTarget watcher;

    WatcherReloader(ReloadTarget watcher) {
        this.watcher = watcher;
    }

    CompletableFuture<Boolean> reload(boolean sequential) {
        if (watcher.state() == WatcherState.STOPPED) {
            return watcher.start().thenApply(started -> {
                watcher.reloaded();
                return started;
            });
        }
        WatcherConfig config = watcher.config();
        if (config.sendHup()) {
            watcher.signalAll(Signal.HUP);
            watcher.reloaded();
            return CompletableFuture.completedFuture(true);
        }
        List<ProcessSlot> old = watcher.liveSlots();
        if (!sequential && !watcher.fits(config.withNumProcesses(old.size() + config.numProcesses()))) {
            // New processes first means both sets at once; when the open-files limit cannot hold
            // that, replacing one at a time still never leaves the service without workers.
            LOG.info("{}: the open-files limit cannot hold {} old and {} new processes at once; reloading one by one",
                    watcher.name(), old.size(), config.numProcesses());
            sequential = true;
        }
        old.forEach(ProcessSlot::retire); // They must not be respawned while being replaced.
        CompletableFuture<Boolean> done = sequential ? oneByOne(old, config) : allAtOnce(old, config);
        return done.thenApply(ok -> {
            watcher.reloaded();
            return ok;
        });
    }

    private CompletableFuture<Boolean> allAtOnce(List<ProcessSlot> old, WatcherConfig config) {
        CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
        for (int i = 0; i < config.numProcesses(); i++) {
            long warmup = i == 0 ? 0 : config.warmupDelay().toNanos();
            chain = chain.thenCompose(ok -> watcher.delay(warmup)
                    .thenCompose(x -> watcher.spawnSlot()).thenApply(spawned -> ok && spawned));
        }
        return chain.thenCompose(ok -> {
            List<CompletableFuture<ExitStatus>> exits = new ArrayList<>();
            for (ProcessSlot slot : old) {
                exits.add(stopOld(slot));
            }
            return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).handle((x, e) -> ok);
        });
    }

    private CompletableFuture<Boolean> oneByOne(List<ProcessSlot> old, WatcherConfig config) {
        CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
        for (ProcessSlot slot : old) {
            chain = chain.thenCompose(ok -> watcher.spawnSlot()
                    .thenCompose(spawned -> stopOld(slot).handle((s, e) -> ok && spawned))
                    .thenCompose(r -> watcher.delay(config.warmupDelay().toNanos()).thenApply(x -> r)));
        }
        return chain;
    }

    private CompletableFuture<ExitStatus> stopOld(ProcessSlot slot) {
        return watcher.stopSlot(slot);
    }
}
