package io.circus.console.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * N children (10,000 by default) whose stdout and stderr the daemon captures to files, started
 * under the default open-files limit ({@code ulimit -Sn 1024}): can the daemon run them all, with
 * how many descriptors, at what RSS. Ours only: it is our daemon's limit being checked.
 */
final class StreamsScenario {

    private static final Duration STALL = Duration.ofSeconds(30);

    private StreamsScenario() {
    }

    /**
     * Waits until N children run in /proc; returns -1 then, or the count reached when it stopped
     * growing for {@link #STALL} (a daemon out of descriptors gives up rather than retrying).
     */
    private static long awaitProgress(Contender.Running d, int n) {
        long best = -1;
        long since = System.nanoTime();
        long deadline = System.nanoTime() + CoreScenario.deadline(n).toNanos();
        while (System.nanoTime() - deadline < 0) {
            long running = ProcFs.children(d.pid()).stream().filter(ProcFs::alive).count();
            if (running >= n) {
                return -1;
            }
            if (running > best) {
                best = running;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > STALL.toNanos()) {
                return best;
            }
            Poll.pause(Duration.ofMillis(100));
        }
        return best;
    }

    private static String lastError(String log) {
        return log.lines().filter(l -> l.contains("ERROR")).reduce((a, b) -> b)
                .map(l -> l.substring(Math.max(0, l.indexOf("ERROR")))).orElse("no error logged");
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
            long stalled = awaitProgress(d, n);
            if (stalled < 0) {
                long t1 = CoreScenario.awaitRunning(d, n, Set.of(), "start → all running");
                x.put("`start` → all running (s)", "%.3f", (t1 - t0) / 1e9);
            } else {
                x.put("`start` → all running (s)", "not all: %d of %d running, none more for %d s (its log: %s)",
                        stalled, n, STALL.toSeconds(), lastError(d.logTail()));
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
