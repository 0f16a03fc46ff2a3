package io.circus.console.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ends every process a benchmark run started, peers and their children included, on success,
 * failure or Ctrl-C (a shutdown hook). Children are known two ways: as descendants of a daemon
 * while it lives, and by pid from every pid list the run has read, with the time since boot when the
 * pid was first listed, so that a child orphaned by a dead daemon is still found and a recycled pid
 * is never hit: the process listed had started by then, and one that later got its pid had not.
 *
 * <p>The time comes from {@code /proc/uptime}, not from each child's {@code /proc/PID/stat}:
 * reading a child's files makes the kernel keep dentries for its pid, which the daemon under
 * measurement then pays to drop when it reaps that child (a stop of 10,000 did, on its reaping
 * thread).
 */
final class Sweeper {

    private final List<Process> daemons = new ArrayList<>();
    private final Map<Long, Long> children = new ConcurrentHashMap<>();
    private final Thread hook = new Thread(this::sweepAll, "bench-sweeper");
    private boolean hooked;

    /** Installs the shutdown hook (for Ctrl-C); the in-process test does without. */
    synchronized void installHook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        }
    }

    synchronized void daemon(Process p) {
        daemons.add(p);
    }

    /** Remembers pids read from a daemon, with the time they were first listed. */
    void children(Iterable<Long> pids) {
        long seen = ProcFs.uptimeTicks();
        for (long pid : pids) {
            children.putIfAbsent(pid, seen);
        }
    }

    /** Whether {@code s} is the process that held its pid when it was listed at {@code seen}. */
    private static boolean listed(ProcFs.Stat s, long seen) {
        return s.startTime() <= seen;
    }

    /** Stops the daemon so it spawns nothing more, kills its descendants and it, then any orphan. */
    void sweep(Process daemon) {
        if (daemon.isAlive()) {
            Signals.kill(daemon.pid(), Signals.SIGSTOP);
            daemon.toHandle().descendants().forEach(h -> Signals.kill(h.pid(), Signals.SIGKILL));
            Signals.kill(daemon.pid(), Signals.SIGKILL);
            Signals.kill(-daemon.pid(), Signals.SIGKILL);
        }
        try {
            daemon.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sweepOrphans();
    }

    /** Kills every remembered child still alive that had started when it was listed. */
    void sweepOrphans() {
        children.forEach((pid, seen) -> ProcFs.stat(pid).filter(s -> listed(s, seen) && s.alive())
                .ifPresent(s -> Signals.kill(pid, Signals.SIGKILL)));
        children.entrySet().removeIf(e -> ProcFs.stat(e.getKey()).map(s -> !listed(s, e.getValue())).orElse(true));
    }

    synchronized void sweepAll() {
        daemons.forEach(this::sweep);
        sweepOrphans();
    }

    /** Processes still alive that this run caused: for the report, and to fail loudly. */
    long leftovers() {
        return children.entrySet().stream()
                .filter(e -> ProcFs.stat(e.getKey()).filter(s -> listed(s, e.getValue()) && s.alive()).isPresent())
                .count();
    }
}
