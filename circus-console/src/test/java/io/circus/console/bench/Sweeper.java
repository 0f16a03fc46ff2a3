package io.circus.console.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ends every process a benchmark run started, peers and their children included, on success,
 * failure or Ctrl-C (a shutdown hook). Children are known two ways: as descendants of a daemon
 * while it lives, and by (pid, start time) from every pid list the run has read, so that a child
 * orphaned by a dead daemon is still found and a recycled pid is never hit.
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

    /** Remembers pids read from a daemon, with their start time. */
    void children(Iterable<Long> pids) {
        for (long pid : pids) {
            children.computeIfAbsent(pid, k -> ProcFs.stat(k).map(ProcFs.Stat::startTime).orElse(-1L));
        }
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

    /** Kills every remembered child still alive with the start time it had when read. */
    void sweepOrphans() {
        children.forEach((pid, start) -> ProcFs.stat(pid).filter(s -> s.startTime() == start && s.alive())
                .ifPresent(s -> Signals.kill(pid, Signals.SIGKILL)));
        children.entrySet().removeIf(e -> ProcFs.stat(e.getKey()).map(s -> s.startTime() != e.getValue()).orElse(true));
    }

    synchronized void sweepAll() {
        daemons.forEach(this::sweep);
        sweepOrphans();
    }

    /** Processes still alive that this run caused: for the report, and to fail loudly. */
    long leftovers() {
        return children.entrySet().stream()
                .filter(e -> ProcFs.stat(e.getKey()).filter(s -> s.startTime() == e.getValue() && s.alive()).isPresent())
                .count();
    }
}
