package io.circus.runtime;

import io.circus.config.WatcherConfig;
import io.circus.process.Signal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A named group of identical processes. Operations are asynchronous: each returns at once with a
 * future completed when the operation has finished (the {@code waiting} semantics of Circus).
 * Operations on one watcher run one after another in the order they were asked for; they never
 * wait for, block or refuse operations on another watcher.
 */
public interface Watcher {

    /** The name as configured (case preserved); look-ups are case-insensitive. */
    String name();

    WatcherState state();

    /** The current definition, including live changes. */
    WatcherConfig config();

    /**
     * The last lines (at most 200 are kept) its processes wrote on a configured stream, oldest first,
     * each as {@code [pid] text}; empty when that stream is not configured (output inherited by the daemon).
     */
    default List<String> outputTail(io.circus.process.StreamId stream, int lines) {
        return List.of();
    }

    /** The configured hooks and what their calls did (docs/extending.md); empty when there are none. */
    default List<io.circus.hook.HookStats> hookStats() {
        return List.of();
    }

    /**
     * Circus's {@code stats extended=true}: runs the watcher's {@code extended_stats} hook, which may add
     * entries to a copy of {@code stats}.
     *
     * @return the stats, with what the hook added; unchanged without a hook or when it fails
     */
    default CompletableFuture<java.util.Map<String, Object>> extendedStats(long pid, java.util.Map<String, Object> stats) {
        return CompletableFuture.completedFuture(stats);
    }

    /** Process slots ordered by wid. */
    List<SupervisedProcess> processes();

    /** Pids of running processes, ordered by wid. */
    List<Long> pids();

    /** The slot running this pid (running or stopping), found without walking the slots. */
    java.util.Optional<SupervisedProcess> process(long pid);

    /** How many processes run (or are stopping): {@code pids().size()} without building the list. */
    int runningCount();

    /** Respawns after exits the daemon did not ask for. */
    long restartCount();

    /** Exit code of the latest unasked-for exit, or null. */
    Integer lastExitCode();

    /** Whether processes are being respawned with a back-off (crash loop, resource shortage); never waits. */
    BackoffStatus backoff();

    /** The latest spawn failure, or null when no spawn of this watcher has failed. Readable from any thread. */
    default SpawnFailure lastSpawnFailure() {
        return null;
    }

    /** Starts the processes; completes with false when the watcher was already running ("kept"). */
    CompletableFuture<Boolean> start();

    /** Stops every process (stop_signal, then SIGKILL after graceful_timeout); false if already stopped. */
    CompletableFuture<Boolean> stop();

    CompletableFuture<Void> restart();

    /**
     * Reloads: with {@code graceful}, new processes are started before the old ones are stopped (or
     * SIGHUP is sent when send_hup is set); otherwise a restart. {@code sequential} replaces one
     * process at a time.
     */
    CompletableFuture<Void> reload(boolean graceful, boolean sequential);

    /**
     * Runs {@code operation} as its own method does (queued the same way) and completes with the pids
     * it started, stopped and kept, recorded by the watcher as it spawned and reaped them.
     */
    CompletableFuture<PidReport> perform(LifecycleOperation operation);

    /** Adds {@code n} processes; completes with the new process count. */
    CompletableFuture<Integer> incr(int n);

    /** Removes {@code n} processes, the oldest first; completes with the new process count. */
    CompletableFuture<Integer> decr(int n);

    /**
     * Sets the process count in place (no restart of the others); more than one for a singleton is
     * refused at once with a {@link CircusException} of kind {@code CONFLICT}.
     */
    CompletableFuture<Integer> setNumProcesses(int n);

    /**
     * Sends a signal.
     *
     * @param pid       one process of this watcher, or 0 for all
     * @param children  to the direct children of the process(es) instead of the process(es) (Circus)
     * @param recursive to the process(es) and every descendant
     * @return completes with the pids signalled
     */
    CompletableFuture<List<Long>> signal(Signal signal, long pid, boolean children, boolean recursive);

    /**
     * Stops process(es) with the kill sequence (signal, then SIGKILL after the timeout); a watcher that
     * is active replaces them.
     *
     * @param pid    one process, or 0 for all
     * @param signal the signal, or null for stop_signal
     * @param graceful the timeout before SIGKILL, or null for graceful_timeout
     */
    CompletableFuture<List<Long>> kill(long pid, Signal signal, Duration graceful);

    /**
     * Changes options by name ({@code set}): applied in order to the definition current when this
     * operation runs (so it composes with a queued {@code incr}), then as {@link #reconfigure}. One
     * {@code updated} event is published per key. Values are typed as the command decoded them
     * (String, Boolean, Number, a Map for {@code env} or a stream, a List for {@code args} or a hook,
     * null) and checked against {@link io.circus.config.option.WatcherOptionSchema}; text converts as
     * in an ini file.
     *
     * @return completes with true when the processes were restarted; exceptionally with
     *         IllegalArgumentException naming the key and value when one is invalid (nothing changes),
     *         already completed when it is invalid against the current definition; with a
     *         {@link CircusException} of kind {@code CONFLICT} for more than one process of a singleton
     */
    CompletableFuture<Boolean> set(java.util.Map<String, ?> options);

    /**
     * Replaces the definition. Changes that apply live (process count, timeouts, respawn, max_age...)
     * touch no process; any other change restarts this watcher only.
     *
     * @return completes with true when the processes were restarted
     */
    CompletableFuture<Boolean> reconfigure(WatcherConfig config);
}
