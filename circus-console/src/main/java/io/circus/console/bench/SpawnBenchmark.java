package io.circus.console.bench;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.process.Launchers;
import io.circus.process.ProcessLauncher;
import io.circus.runtime.Watcher;
import io.circus.runtime.core.ArbiterCore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One benchmark run (see bin/bench): a watcher of N {@code sleep} children on the backend chosen by
 * {@code -Dcircus.launcher}. Prints one line: backend, N, seconds until all run, JVM threads, RSS,
 * seconds from killing all until every exit is observed, seconds to respawn 10 % killed from outside.
 */
public final class SpawnBenchmark {

    private SpawnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        ProcessLauncher launcher;
        try {
            launcher = Launchers.best();
        } catch (UnsupportedOperationException e) {
            System.err.println("backend unavailable: " + e.getMessage());
            System.exit(1);
            return;
        }
        AtomicLong reaps = new AtomicLong();
        AtomicLong spawns = new AtomicLong();
        WatcherConfig sleepers = WatcherConfig.builder("sleepers", "sleep 3600").numProcesses(n)
                .gracefulTimeout(Duration.ofSeconds(5)).build();
        ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(sleepers))).launcher(launcher)
                .listener(e -> {
                    if (e.type() == EventType.REAP) {
                        reaps.incrementAndGet();
                    } else if (e.type() == EventType.SPAWN) {
                        spawns.incrementAndGet();
                    }
                }).build();
        try {
            long t0 = System.nanoTime();
            arbiter.start().get(10, TimeUnit.MINUTES);
            Watcher w = arbiter.watcher("sleepers").orElseThrow();
            awaitTrue(() -> w.pids().size() == n);
            double spawnSeconds = seconds(System.nanoTime() - t0);
            settle();
            long threads = status("Threads:");
            long rssKib = status("VmRSS:");

            List<Long> pids = w.pids();
            int tenth = Math.max(1, n / 10);
            long spawnedBefore = spawns.get();
            long t1 = System.nanoTime();
            pids.subList(0, tenth).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            awaitTrue(() -> spawns.get() - spawnedBefore >= tenth);
            double respawnSeconds = seconds(System.nanoTime() - t1);
            awaitTrue(() -> w.pids().size() == n);

            w.reconfigure(w.config().toBuilder().respawn(false).build()).get(1, TimeUnit.MINUTES);
            long reapsBefore = reaps.get();
            List<Long> all = w.pids();
            long t2 = System.nanoTime();
            all.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            awaitTrue(() -> reaps.get() - reapsBefore >= all.size());
            double killSeconds = seconds(System.nanoTime() - t2);

            System.out.printf("%-10s %6d %10.3f %8d %9.1f %11.3f %11.3f%n", launcher.name(), n, spawnSeconds, threads,
                    rssKib / 1024.0, killSeconds, respawnSeconds);
        } finally {
            arbiter.quit().get(5, TimeUnit.MINUTES);
        }
        System.exit(0);
    }

    /** Lets the JIT and the GC settle before reading threads and RSS, as a long-running daemon would. */
    private static void settle() {
        System.gc();
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier c) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark step timed out");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
