package io.circus.console.bench;

import io.circus.zmq.client.CircusConsumer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The stats stream with N children (1000 by default): CPU over the window with nobody subscribed,
 * then with one subscriber reading every {@code stat.} message. CPU counts the daemon and its
 * helper processes (Python Circus samples in a separate circusd-stats process), not the children.
 */
final class StatsScenario {

    private StatsScenario() {
    }

    static Extra run(CircusContender c, Path dir, int n, Duration window, Sweeper sweeper) {
        Extra x = new Extra("stats stream", c.name());
        Workload w = Workload.sleepers(dir, n).withStats().autostarted();
        try (CircusContender.Daemon d = (CircusContender.Daemon) c.launch(w, sweeper)) {
            CoreScenario.awaitRunning(d, n, Set.of(), "all running");
            Set<Long> children = new HashSet<>(d.runningPids());
            CoreScenario.settledRss(d.pid());
            double idle = cpuPercent(d, children, window);
            long[] received = {0};
            double busy;
            try (CircusConsumer stats = new CircusConsumer(d.endpoints().stats(), "stat.")) {
                if (stats.receive(Duration.ofSeconds(30)).isEmpty()) {
                    throw new Poll.TimedOut("no stats message within 30 s");
                }
                busy = cpuPercent(d, children, window, () -> {
                    if (stats.receive(Duration.ofMillis(100)).isPresent()) {
                        received[0]++;
                    }
                });
            }
            x.put("children", "%d", n).put("CPU, no subscriber (% of a core)", "%.2f", idle)
                    .put("CPU, one subscriber (% of a core)", "%.2f", busy)
                    .put("stats messages/s received", "%.0f", received[0] / (window.toNanos() / 1e9));
        } catch (Exception e) {
            x.failure = e.getMessage();
        }
        return x;
    }

    private static double cpuPercent(CircusContender.Daemon d, Set<Long> children, Duration window) {
        return cpuPercent(d, children, window, () -> Poll.pause(Duration.ofMillis(100)));
    }

    private static double cpuPercent(CircusContender.Daemon d, Set<Long> children, Duration window, Runnable meanwhile) {
        double c0 = cpu(d, children);
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < window.toNanos()) {
            meanwhile.run();
        }
        return (cpu(d, children) - c0) / ((System.nanoTime() - t0) / 1e9) * 100;
    }

    /** CPU seconds of the daemon and its descendants other than the watcher's children. */
    private static double cpu(CircusContender.Daemon d, Set<Long> children) {
        double sum = ProcFs.cpuSeconds(d.pid());
        for (ProcessHandle h : d.process().descendants().toList()) {
            if (!children.contains(h.pid())) {
                double c = ProcFs.cpuSeconds(h.pid());
                sum += Double.isNaN(c) ? 0 : c;
            }
        }
        return sum;
    }
}
