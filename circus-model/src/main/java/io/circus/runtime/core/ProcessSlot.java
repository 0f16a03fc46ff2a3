package io.circus.runtime.core;

import io.circus.process.ExitStatus;
import io.circus.process.ManagedProcess;
import io.circus.runtime.ProcessState;
import io.circus.runtime.SupervisedProcess;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A watcher's process slot (its wid). Mutated only on the supervisor loop; the fields other threads
 * read are volatile so attributes never wait for the loop.
 */
final class ProcessSlot implements SupervisedProcess {

    private final String watcher;
    private final int wid;
    final Backoff backoff;

    private volatile ManagedProcess process;
    private volatile long pid;
    private volatile ProcessState state = ProcessState.SPAWNING;
    private volatile long startedMillis;
    private volatile long startedNanos;
    private volatile int restarts;
    private volatile ExitStatus lastExit;
    private volatile List<String> commandLine = List.of();

    /** Set while a kill sequence runs: completed with the exit it waits for. */
    CompletableFuture<ExitStatus> stopping;
    /** Whether the kill sequence escalated to SIGKILL. */
    boolean escalated;
    /** A stop was asked for while the spawn was still under way. */
    boolean stopWhenSpawned;
    /** The slot is leaving the watcher (decr, reload, stop): never respawn it. */
    boolean retired;
    /** The loop's ticker when the current process started, for its uptime on the same clock as timers. */
    long startedTicks;
    SupervisorLoop.Timer killTimer;
    /** When killTimer fires, in loop ticks. */
    long killDeadline;
    SupervisorLoop.Timer respawnTimer;
    SupervisorLoop.Timer ageTimer;
    /** While the slot is in back-off: fires once its process has run Backoff.STABLE. */
    SupervisorLoop.Timer stableTimer;
    /** The table this slot is in, told when a pid starts and ends; null once removed. Loop only. */
    private SlotTable table;

    ProcessSlot(String watcher, int wid, Backoff backoff) {
        this.watcher = watcher;
        this.wid = wid;
        this.backoff = backoff;
    }

    void started(ManagedProcess p, List<String> argv) {
        process = p;
        pid = p.pid();
        startedMillis = p.startedEpochMillis();
        startedNanos = p.startedNanos();
        commandLine = List.copyOf(argv);
        state = ProcessState.RUNNING;
        escalated = false;
        if (table != null) {
            table.started(this, pid);
        }
    }

    void exited(ExitStatus status, boolean unasked) {
        if (table != null && process != null) {
            table.ended(this, pid);
        }
        lastExit = status;
        process = null;
        state = ProcessState.EXITED;
        if (unasked) {
            restarts++;
        }
    }

    void table(SlotTable t) {
        table = t;
    }

    void state(ProcessState s) {
        state = s;
    }

    ManagedProcess process() {
        return process;
    }

    void cancelTimers() {
        for (SupervisorLoop.Timer t : new SupervisorLoop.Timer[] {killTimer, respawnTimer, ageTimer, stableTimer}) {
            if (t != null) {
                t.cancel();
            }
        }
        killTimer = null;
        respawnTimer = null;
        ageTimer = null;
        stableTimer = null;
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
    public String toString() {
        return watcher + "#" + wid + "(pid " + pid + ", " + state.label() + ")";
    }
}
