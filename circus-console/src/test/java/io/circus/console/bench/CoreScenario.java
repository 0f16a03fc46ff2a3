package io.circus.console.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The standard row: one contender, one watcher of N {@code sleep 3600}, measured from outside in
 * this order — launch idle; {@code start} → all N running (in /proc, then in the daemon's own list); RSS and
 * threads right after; idle CPU; RSS settled after that idle window; {@code status} and {@code list} latency; respawn of 10 % killed
 * with SIGKILL from here; {@code stop} → all stopped; {@code start} again; the one-shot CLI;
 * SIGTERM → daemon gone. A step that fails or times out ends the row (its figure stays empty and
 * the failure is reported) and the daemon with its children is swept.
 */
final class CoreScenario {

    /** How long and how many: the defaults are the documented run, the test shrinks them. */
    record Settings(Duration idle, int calls, Duration latencyBudget, int cliRuns) {
        static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), 1000, Duration.ofSeconds(10), 10);
        }
    }

    private static final Duration POLL = Duration.ofMillis(20);

    private final Settings settings;
    private final Sweeper sweeper;
    private final PrintStream progress;

    CoreScenario(Settings settings, Sweeper sweeper, PrintStream progress) {
        this.settings = settings;
        this.sweeper = sweeper;
        this.progress = progress;
    }

    Outcome run(Contender c, int n, Path dir) {
        Outcome o = new Outcome(c.name(), n);
        // Contenders run one after another: on a shared machine the load differs between their rows.
        o.notes.add("load average at the start of its row: " + ProcFs.loadAverage());
        Contender.Running d = null;
        String step = "launch";
        try {
            d = c.launch(Workload.sleepers(dir, n), sweeper);
            record(o, Figure.READY, d.readySeconds());
            long pid = d.pid();

            step = "start → all running";
            double cpu0 = ProcFs.cpuSeconds(pid);
            long t0 = System.nanoTime();
            d.startWatcher();
            long t1 = awaitRunning(d, n, Set.of(), step);
            record(o, Figure.ALL_RUNNING, (t1 - t0) / 1e9);
            record(o, Figure.SPAWN_CPU, (ProcFs.cpuSeconds(pid) - cpu0) * 1000 / n);

            step = "settle";
            record(o, Figure.RSS_AFTER_START, settledRss(pid));
            record(o, Figure.THREADS, ProcFs.threads(pid));

            step = "idle CPU";
            double cpuA = ProcFs.cpuSeconds(pid);
            long i0 = System.nanoTime();
            Poll.pause(settings.idle());
            double secs = (System.nanoTime() - i0) / 1e9;
            record(o, Figure.IDLE_CPU, (ProcFs.cpuSeconds(pid) - cpuA) / secs * 100);
            // After the idle window: a JVM hands back what start-up's compilations freed on its own
            // timers (HotSpot's arena pool every 5 s, the daemon's native-heap trim every 10 s), so
            // the reading right after the start is a peak, not what the daemon holds from then on.
            step = "settled RSS";
            record(o, Figure.RSS, settledRss(pid));

            step = "status latency";
            final Contender.Running daemon = d;
            long[] status = Latency.sample(daemon::status, settings.calls(), settings.latencyBudget());
            record(o, Figure.STATUS_P50, Latency.ms(status, 0.5));
            record(o, Figure.STATUS_P99, Latency.ms(status, 0.99));
            step = "list latency";
            long[] list = Latency.sample(daemon::list, settings.calls(), settings.latencyBudget());
            record(o, Figure.LIST_P50, Latency.ms(list, 0.5));
            record(o, Figure.LIST_P99, Latency.ms(list, 0.99));
            o.notes.add(String.format(Locale.ROOT, "latency samples: status %d, list %d", status.length, list.length));

            step = "respawn of 10 %";
            List<Long> pids = d.runningPids();
            Set<Long> killed = new HashSet<>();
            for (int i = 0; i < pids.size() && killed.size() < Math.max(1, n / 10); i += 10) {
                killed.add(pids.get(i));
            }
            long r0 = System.nanoTime();
            killed.forEach(p -> Signals.kill(p, Signals.SIGKILL));
            long r1 = awaitRunning(d, n, killed, step);
            record(o, Figure.RESPAWN, (r1 - r0) / 1e9);

            step = "stop → all stopped";
            List<Long> before = d.runningPids();
            long s0 = System.nanoTime();
            d.stopWatcher();
            long s1 = awaitStopped(d, before, step);
            record(o, Figure.STOP_ALL, (s1 - s0) / 1e9);

            step = "start again";
            long a0 = System.nanoTime();
            d.startWatcher();
            long a1 = awaitRunning(d, n, Set.of(), step);
            o.notes.add(String.format(Locale.ROOT, "second start → all running: %.3f s", (a1 - a0) / 1e9));

            step = "one-shot CLI";
            record(o, Figure.CLI, cliMedianMs(d, d.oneShotCli()));

            step = "SIGTERM → daemon gone";
            List<Long> last = d.runningPids();
            long k0 = System.nanoTime();
            Signals.kill(pid, Signals.SIGTERM);
            if (!d.process().waitFor(deadline(n).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Poll.TimedOut(step + ": still running after " + deadline(n).toSeconds() + " s");
            }
            record(o, Figure.SIGTERM, (System.nanoTime() - k0) / 1e9);
            long left = last.stream().filter(ProcFs::alive).count();
            if (left > 0) {
                o.notes.add(left + " children still alive when the daemon had exited (swept)");
            }
            if (d.process().exitValue() != 0) {
                o.notes.add("daemon exit status " + d.process().exitValue() + " after SIGTERM");
            }
        } catch (Exception e) {
            o.failure = step + ": " + e.getMessage() + (d == null ? "" : "\n--- daemon log ---\n" + d.logTail());
            progress.printf("  %s N=%d FAILED at %s: %s%n", c.name(), n, step, e.getMessage());
        } finally {
            if (d != null) {
                d.close();
            }
        }
        return o;
    }

    private void record(Outcome o, Figure f, double v) {
        o.put(f, v);
        progress.printf(Locale.ROOT, "  %-14s N=%-6d %-36s %s %s%n", o.contender, o.n, f.label, f.format(v), f.unit);
    }

    /**
     * Waits until N children run, none of {@code excluded}, then until the daemon's own list says
     * so. The first phase reads /proc only: polling a slow daemon's {@code list} (Python Circus
     * answers one of 1000 pids in 50-100 ms) would spend its time answering instead of spawning.
     * Neither phase reads a child's own /proc files: that makes the kernel keep dentries for the
     * child's pid, which the daemon then pays to drop when it reaps the child, in the stop timed later.
     */
    static long awaitRunning(Contender.Running d, int n, Set<Long> excluded, String step) throws Exception {
        Duration deadline = deadline(n);
        long t0 = System.nanoTime();
        // The kernel's list of the daemon's children (zombies included until reaped, which a
        // supervisor does at once); the second phase checks the listed pids against the same lists.
        long[] skip = ProcFs.sorted(excluded);
        Poll.until(step + " (in /proc)", deadline, POLL, () -> ProcFs.countChildren(d.pid(), skip) >= n);
        return Poll.until(step + " (in the daemon's list)", deadline.minusNanos(System.nanoTime() - t0), POLL, () -> {
            List<Long> pids = d.runningPids();
            if (pids.size() != n || pids.stream().anyMatch(excluded::contains)) {
                return false;
            }
            Set<Long> children = ProcFs.children(d.pid());
            return children.containsAll(pids);
        });
    }

    /**
     * Like {@link #awaitRunning}: none of the children left in the kernel's list of the daemon's
     * children (so each has exited and been reaped, which a zombie has not), then an empty list from
     * the daemon. One read of the daemon's {@code children} files a poll, and none of a child's own
     * files: reading each pid's stat cost the benchmark an exception per pid gone, and made the
     * kernel keep dentries that the daemon then had to drop in each reap.
     */
    static long awaitStopped(Contender.Running d, List<Long> before, String step) throws Exception {
        Duration deadline = deadline(before.size());
        long t0 = System.nanoTime();
        long[] old = ProcFs.sorted(before);
        Poll.until(step + " (in /proc)", deadline, POLL, () -> !ProcFs.anyChild(d.pid(), old));
        return Poll.until(step + " (in the daemon's list)", deadline.minusNanos(System.nanoTime() - t0), POLL,
                () -> d.runningPids().isEmpty());
    }

    /** Generous: a slow peer at 10,000 still finishes; a stuck one fails the row in bounded time. */
    static Duration deadline(int n) {
        return Duration.ofSeconds(60).plusMillis(60L * n);
    }

    /** RSS once four readings 0.5 s apart agree within 2 % (at most 15 s). */
    static double settledRss(long pid) {
        List<Double> r = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            r.add(ProcFs.rssMib(pid));
            if (r.size() >= 4) {
                List<Double> last = r.subList(r.size() - 4, r.size());
                double min = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                double max = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                if (max - min <= 0.02 * max || System.nanoTime() - end > 0) {
                    return r.getLast();
                }
            }
            Poll.pause(Duration.ofMillis(500));
        }
    }

    /** Median wall time of the CLI from fork to exit over the configured runs, after one unmeasured run. */
    double cliMedianMs(Contender.Running d, List<String> argv) throws Exception {
        runCli(argv);
        awaitOwnWorkDone(d);
        long[] ms = new long[settings.cliRuns()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = runCli(argv);
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    /**
     * Waits (at most 60 s) until the CLI's first run has no process left beside the daemon's tree:
     * bin/circusctl trains its ahead-of-time cache in the background after a build, and the
     * measured runs should neither race that training nor kill it half-way.
     */
    static void awaitOwnWorkDone(Contender.Running d) {
        long daemon = d.pid();
        try {
            Poll.until("the CLI's background work", Duration.ofSeconds(60), Duration.ofMillis(100),
                    () -> ProcessHandle.current().descendants()
                            .filter(h -> h.pid() != daemon && h.parent().map(p -> p.pid() != daemon).orElse(true))
                            .noneMatch(h -> ProcFs.alive(h.pid())));
        } catch (Exception e) {
            // Still busy after 60 s: measure anyway; the final sweep ends it.
        }
    }

    private static long runCli(List<String> argv) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new Poll.TimedOut(String.join(" ", argv) + ": no exit within 60 s");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + p.exitValue());
        }
        return ms;
    }
}
