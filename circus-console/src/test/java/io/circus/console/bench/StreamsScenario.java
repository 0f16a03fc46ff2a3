package io.circus.console.bench;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * N children (10,000 by default) whose stdout and stderr the daemon captures to files, started
 * under the default open-files limit ({@code ulimit -Sn 1024}): can the daemon run them all, with
 * how many descriptors, at what RSS. Ours only: it is our daemon's limit being checked.
 */
final class StreamsScenario {

    private StreamsScenario() {
    }

    static Extra run(Contender c, Path dir, int n, Sweeper sweeper) {
        Extra x = new Extra("streams", c.name());
        Workload w = Workload.sleepers(dir, n).withStreams(1024);
        Contender.Running d = null;
        try {
            d = c.launch(w, sweeper);
            long pid = d.pid();
            x.put("soft open-files limit at launch", "1024");
            long t0 = System.nanoTime();
            d.startWatcher();
            Contender.Running daemon = d;
            try {
                long t1 = CoreScenario.awaitRunning(d, n, Set.of(), "start → all running");
                x.put("`start` → all running (s)", "%.3f", (t1 - t0) / 1e9);
            } catch (Poll.TimedOut e) {
                x.put("`start` → all running (s)", "not all: %d of %d after %d s", daemon.runningPids().size(), n,
                        CoreScenario.deadline(n).toSeconds());
            }
            x.put("RSS, settled (MiB)", "%.1f", CoreScenario.settledRss(pid));
            x.put("open files of the daemon", "%d", ProcFs.openFiles(pid));
            long soft = ProcFs.softOpenFilesLimit(pid);
            x.put("its soft limit now", soft == Long.MAX_VALUE ? "unlimited" : Long.toString(soft));
            long k0 = System.nanoTime();
            Signals.kill(pid, Signals.SIGTERM);
            if (d.process().waitFor(CoreScenario.deadline(n).toMillis(), TimeUnit.MILLISECONDS)) {
                x.put("SIGTERM → daemon gone (s)", "%.3f", (System.nanoTime() - k0) / 1e9);
            } else {
                x.put("SIGTERM → daemon gone (s)", "not within %d s", CoreScenario.deadline(n).toSeconds());
            }
        } catch (Exception e) {
            x.failure = e.getMessage() + (d == null ? "" : "\n--- daemon log ---\n" + d.logTail());
        } finally {
            if (d != null) {
                d.close();
            }
        }
        return x;
    }
}
