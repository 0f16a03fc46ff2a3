package io.circus.runtime.core;

import io.circus.process.ExitStatus;
import io.circus.process.KernelStart;
import io.circus.process.ManagedProcess;
import io.circus.runtime.ProcessState;
import io.circus.runtime.SupervisedProcess;
import io.circus.time.TimerQueue;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A watcher's process slot (its wid) and the one place its transitions happen: spawn started,
 * spawned, stop asked, kill begun, escalated, reaped, retired. Every timer of the slot (respawn,
 * max_age, stable run, SIGKILL escalation) is scheduled and cancelled here; a timer clears itself
 * before its action runs. A transition that does not fit the slot's state is refused with an
 * {@link IllegalStateException} naming the slot, so a supervision bug shows where it happens
 * instead of as a process nobody watches.
 *
 * <p>Threading: transitions run on the supervisor loop only. The fields other threads read (the
 * {@link SupervisedProcess} view) are volatile so attributes never wait for the loop.
 */
final class ProcessSlot implements SupervisedProcess {

    /** The slot's timers; at most one of each kind is armed. */
    private enum TimerKind { KILL, RESPAWN, AGE, STABLE }

    private static final TimerKind[] KINDS = TimerKind.values();

    private final String watcher;
    private final int wid;
    private final Backoff backoff;
    private final SupervisorLoop loop;

    private volatile ManagedProcess process;
    private volatile long pid;
    private volatile ProcessState state = ProcessState.SPAWNING;
    private volatile long startedMillis;
    private volatile long startedNanos;
    private volatile int restarts;
    private volatile ExitStatus lastExit;
    private volatile List<String> commandLine = List.of();

    /** Set while a stop is asked: completed with the exit it waits for. */
    private CompletableFuture<ExitStatus> stopping;
    /** Whether the kill sequence escalated to SIGKILL. */
    private boolean escalated;
    /** A stop was asked for while the spawn was still under way. */
    private boolean stopWhenSpawned;
    /** The slot is leaving the watcher (decr, reload, stop): never respawn it. */
    private boolean retired;
    /** The loop's ticker when the current process started, for its uptime on the same clock as timers. */
    private long startedTicks;
    /** Armed timers by {@link TimerKind} ordinal. */
    private final TimerQueue.Timer[] timers = new TimerQueue.Timer[KINDS.length];
    /** When the KILL timer fires, in loop ticks. */
    private long killDeadline;
    /** The table this slot is in, told when a pid starts and ends; null once removed. */
    private SlotTable table;

    ProcessSlot(String watcher, int wid, Backoff backoff, SupervisorLoop loop) {
        this.watcher = watcher;
        this.wid = wid;
        this.backoff = backoff;
        this.loop = loop;
    }

    // ---- spawning -------------------------------------------------------------------------------

    /** A spawn attempt begins. Refused while a process runs, once retired or with a stop waiting. */
    void spawnStarted() {
        if (process != null || retired || stopWhenSpawned) {
            throw refused("start a spawn");
        }
        state = ProcessState.SPAWNING;
    }

    /** The spawn returned a process: it runs (the waiting stop, if any, is for the caller to begin). */
    void spawned(ManagedProcess p, List<String> argv) {
        if (process != null || state != ProcessState.SPAWNING) {
            throw refused("take spawned pid " + p.pid());
        }
        process = p;
        pid = p.pid();
        startedMillis = p.startedEpochMillis();
        startedNanos = p.startedNanos();
        startedTicks = loop.now();
        commandLine = List.copyOf(argv);
        state = ProcessState.RUNNING;
        escalated = false;
        if (table != null) {
            table.started(this, pid);
        }
    }

    /** No process will run in the slot (every attempt failed, or a stop won): a waiting stop is released. */
    void spawnAbandoned() {
        if (process != null) {
            throw refused("abandon a spawn");
        }
        state = ProcessState.EXITED;
        stopWhenSpawned = false;
        CompletableFuture<ExitStatus> s = stopping;
        stopping = null;
        if (s != null) {
            s.complete(lastExit);
        }
    }

    /** A spawn failed for want of a resource: the slot waits for its retry, counted as kept. */
    void spawnPostponed() {
        if (process != null) {
            throw refused("postpone a spawn");
        }
        state = ProcessState.EXITED;
    }

    // ---- stopping -------------------------------------------------------------------------------

    /**
     * A stop is asked: neither a respawn nor max_age applies any more.
     *
     * @param retire never respawn this slot afterwards
     * @return the stop already under way, or null
     */
    CompletableFuture<ExitStatus> stopAsked(boolean retire) {
        retired |= retire;
        cancel(TimerKind.RESPAWN);
        cancel(TimerKind.AGE);
        return stopping;
    }

    /** The stop waits for the spawn under way; refused unless spawning with no stop asked yet. */
    CompletableFuture<ExitStatus> stopOnceSpawned() {
        if (process != null || state != ProcessState.SPAWNING || stopping != null) {
            throw refused("wait for the spawn to stop");
        }
        stopWhenSpawned = true;
        stopping = new CompletableFuture<>();
        return stopping;
    }

    /**
     * The kill sequence begins on the running process (a stop asked now, or one that waited for the
     * spawn): STOPPING until reaped. Refused without a process or when a kill sequence already runs.
     *
     * @param retire never respawn this slot afterwards (a stop that covered the slot before it spawned)
     * @return the stop, completed once the process is reaped
     */
    CompletableFuture<ExitStatus> killBegun(boolean retire) {
        if (process == null || state != ProcessState.RUNNING) {
            throw refused("begin a kill");
        }
        retired |= retire;
        stopWhenSpawned = false;
        state = ProcessState.STOPPING;
        if (stopping == null) {
            stopping = new CompletableFuture<>();
        }
        return stopping;
    }

    /** Arms SIGKILL escalation {@code timeoutNanos} from now, unless an earlier one is armed already. */
    void escalateAfter(long timeoutNanos, Runnable escalation) {
        if (state != ProcessState.STOPPING || escalated) {
            return;
        }
        long deadline = loop.now() + timeoutNanos;
        if (timers[TimerKind.KILL.ordinal()] == null || deadline - killDeadline < 0) {
            killDeadline = deadline;
            arm(TimerKind.KILL, timeoutNanos, escalation);
        }
    }

    /** The kill sequence sent SIGKILL; refused unless a kill sequence runs. */
    void escalated() {
        if (state != ProcessState.STOPPING || process == null) {
            throw refused("escalate to SIGKILL");
        }
        escalated = true;
        cancel(TimerKind.KILL);
    }

    // ---- reaping, leaving -----------------------------------------------------------------------

    /**
     * The process was reaped: the slot's process timers are cancelled and it is EXITED.
     *
     * @return the stop this exit ends, for the caller to complete once the exit is published, or
     *         null when nobody asked for the exit (then it counts as a restart)
     */
    CompletableFuture<ExitStatus> reaped(ExitStatus status) {
        if (process == null) {
            throw refused("reap " + status);
        }
        cancel(TimerKind.KILL);
        cancel(TimerKind.AGE);
        cancel(TimerKind.STABLE);
        CompletableFuture<ExitStatus> asked = stopping;
        stopping = null;
        if (table != null) {
            table.ended(this, pid);
        }
        lastExit = status;
        process = null;
        state = ProcessState.EXITED;
        if (asked == null) {
            restarts++;
        }
        return asked;
    }

    /** The slot is leaving the watcher: it is never respawned (its process, if any, is stopped by the caller). */
    void retire() {
        retired = true;
    }

    /** The slot left the watcher without a stop (rm --nostop) or after it: no timer of it fires any more. */
    void discarded() {
        retired = true;
        for (TimerKind kind : KINDS) {
            cancel(kind);
        }
    }

    // ---- timers ---------------------------------------------------------------------------------

    /** Respawns after {@code delayNanos} (0: on the loop's next turn). */
    void respawnAfter(long delayNanos, Runnable respawn) {
        arm(TimerKind.RESPAWN, delayNanos, respawn);
    }

    /** Replaces the process once it reached max_age. */
    void expireAfter(long ageNanos, Runnable expiry) {
        arm(TimerKind.AGE, ageNanos, expiry);
    }

    /** Ends the back-off once the process has run that long. */
    void stableAfter(long nanos, Runnable stable) {
        arm(TimerKind.STABLE, nanos, stable);
    }

    private void arm(TimerKind kind, long delayNanos, Runnable action) {
        cancel(kind);
        int i = kind.ordinal();
        TimerQueue.Timer[] armed = timers;
        armed[i] = loop.schedule(delayNanos, () -> {
            armed[i] = null;
            action.run();
        });
    }

    private void cancel(TimerKind kind) {
        TimerQueue.Timer t = timers[kind.ordinal()];
        if (t != null) {
            t.cancel();
            timers[kind.ordinal()] = null;
        }
    }

    private IllegalStateException refused(String transition) {
        return new IllegalStateException(this + " cannot " + transition
                + (retired ? " (retired)" : "") + (stopping != null ? " (stop asked)" : ""));
    }

    // ---- reads ----------------------------------------------------------------------------------

    void table(SlotTable t) {
        table = t;
    }

    ManagedProcess process() {
        return process;
    }

    Backoff backoff() {
        return backoff;
    }

    boolean retired() {
        return retired;
    }

    /** A stop was asked and its process has not been reaped yet. */
    boolean stopUnderWay() {
        return stopping != null;
    }

    /** A stop waits for the spawn under way. */
    boolean stopWaitsForSpawn() {
        return stopWhenSpawned;
    }

    /** Whether the current kill sequence escalated to SIGKILL. */
    boolean wasEscalated() {
        return escalated;
    }

    /** Loop ticks since the current process started. */
    long uptimeTicks() {
        return loop.now() - startedTicks;
    }

    @Override public String watcherName() { return watcher; }
    @Override public int wid() { return wid; }
    @Override public long pid() { return pid; }
    @Override public ProcessState state() { return state; }
    @Override public long startedEpochMillis() { return startedMillis; }
    @Override public long startedNanos() { return startedNanos; }
    @Override public int restarts() { return restarts; }
    @Override public ExitStatus lastExit() { return lastExit; }
    @Override public List<String> commandLine() { return commandLine; }

    @Override
    public Optional<KernelStart> kernelStart() {
        ManagedProcess current = process;
        return current == null ? Optional.empty() : current.kernelStart();
    }

    @Override
    public String toString() {
        return watcher + "#" + wid + "(pid " + pid + ", " + state.label() + ")";
    }
}
