package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import io.circus.process.ExitStatus;
import io.circus.process.Signal;
import io.circus.runtime.WatcherState;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a graceful reload ({@link WatcherReloader}) may do to its watcher, and nothing more.
 *
 * <p>Threading: called on the supervisor loop only, while the reload holds the watcher's operation
 * queue, so no other operation of the watcher interleaves except on future completions.
 */
interface ReloadTarget {

    String name();

    WatcherState state();

    WatcherConfig config();

    /** Starts the stopped watcher now (not queued: the reload already holds the queue). */
    CompletableFuture<Boolean> start();

    /** Sends a signal to every process of the watcher. */
    void signalAll(Signal signal);

    /** The slots not leaving the watcher, lowest wid first. */
    List<ProcessSlot> liveSlots();

    /** Whether the open-files limit can hold processes of this definition. */
    boolean fits(WatcherConfig definition);

    /** Spawns one more slot; completes with true once its process runs. */
    CompletableFuture<Boolean> spawnSlot();

    /** Stops a slot's process for good (stop_signal, graceful_timeout) and removes the slot. */
    CompletableFuture<ExitStatus> stopSlot(ProcessSlot slot);

    /** Completes on the loop after the delay. */
    CompletableFuture<Void> delay(long nanos);

    /** The reload is over: publishes its event. */
    void reloaded();
}
