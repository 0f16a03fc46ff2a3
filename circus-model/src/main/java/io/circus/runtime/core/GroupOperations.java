package io.circus.runtime.core;

import io.circus.runtime.LifecycleOperation;
import io.circus.runtime.PidReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Lifecycle operations on several watchers at once (Circus's {@code start}, {@code stop},
 * {@code restart} and {@code reload} without a name or with a pattern selecting several), each
 * watcher's part run through {@link WatcherCore#perform} so that the group reports the pids its
 * watchers recorded as they spawned and reaped, exactly as a single watcher's operation does.
 *
 * <p>Threading: the methods run on the supervisor loop ({@link ArbiterCore} hops there first); the
 * futures complete there.
 */
final class GroupOperations {

    private final SupervisorLoop loop;
    private final long warmupNanos;

    /** @param warmupNanos {@code warmup_delay}, between the watchers of a start of every watcher */
    GroupOperations(SupervisorLoop loop, long warmupNanos) {
        this.loop = loop;
        this.warmupNanos = warmupNanos;
    }

    /** One after another in the order given, only those {@code which} accepts; warmup between them if asked. */
    CompletableFuture<PidReport> start(List<WatcherCore> watchers, Predicate<WatcherCore> which, boolean warmup) {
        CompletableFuture<PidReport> chain = CompletableFuture.completedFuture(PidReport.NONE);
        boolean first = true;
        for (WatcherCore w : watchers) {
            if (!which.test(w)) {
                continue;
            }
            long delay = first || !warmup ? 0 : warmupNanos;
            first = false;
            chain = chain.thenCompose(sum -> loop.delay(delay)
                    .thenCompose(x -> w.perform(LifecycleOperation.START)).thenApply(sum::and));
        }
        return chain;
    }

    /** All at once, lowest priority first (Circus's stop order). */
    CompletableFuture<PidReport> stop(List<WatcherCore> watchers) {
        List<CompletableFuture<PidReport>> stops = new ArrayList<>();
        for (WatcherCore w : watchers.reversed()) {
            stops.add(w.perform(LifecycleOperation.STOP));
        }
        return sum(stops);
    }

    /** Each watcher reloads on its own, all at once; a reload that is not graceful is a restart. */
    CompletableFuture<PidReport> reload(List<WatcherCore> watchers, boolean graceful, boolean sequential) {
        LifecycleOperation op = !graceful ? LifecycleOperation.RESTART
                : sequential ? LifecycleOperation.RELOAD_SEQUENTIAL : LifecycleOperation.RELOAD;
        List<CompletableFuture<PidReport>> reloads = new ArrayList<>();
        for (WatcherCore w : watchers) {
            reloads.add(w.perform(op));
        }
        return sum(reloads);
    }

    private static CompletableFuture<PidReport> sum(List<CompletableFuture<PidReport>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(x -> {
            PidReport total = PidReport.NONE;
            for (CompletableFuture<PidReport> part : parts) {
                total = total.and(part.join());
            }
            return total;
        });
    }
}
