package io.circus.console.bench;

import io.circus.zmq.client.CircusConsumer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Churn: 50 × {@code /bin/true} respawned for D minutes ({@code check_delay = 0.2}). Spawns are
 * counted from the daemon's own {@code watcher.churn.spawn} events; CPU per spawn is the daemon's
 * CPU over the window divided by them; RSS is read after a 5 s warm-up and at the end, so a leak
 * per spawn shows as growth.
 */
final class ChurnScenario {

    private ChurnScenario() {
    }

    static Extra run(CircusContender c, Path dir, Duration window, Sweeper sweeper) {
        Extra x = new Extra("churn", c.name());
        Workload w = Workload.churn(dir);
        try (CircusContender.Daemon d = (CircusContender.Daemon) c.launch(w, sweeper);
             CircusConsumer events = new CircusConsumer(d.endpoints().pubsub(), "watcher.churn.spawn")) {
            long pid = d.pid();
            if (events.receive(Duration.ofSeconds(60)).isEmpty()) {
                throw new Poll.TimedOut("no spawn event within 60 s");
            }
            long warm = System.nanoTime() + Math.min(Duration.ofSeconds(5).toNanos(), window.toNanos());
            while (System.nanoTime() - warm < 0) {
                events.receive(Duration.ofMillis(200));
            }
            double rss0 = ProcFs.rssMib(pid);
            double cpu0 = ProcFs.cpuSeconds(pid);
            long spawns = 0;
            double rssMax = rss0;
            long t0 = System.nanoTime();
            long end = t0 + window.toNanos();
            long nextRss = t0;
            while (System.nanoTime() - end < 0) {
                if (events.receive(Duration.ofMillis(200)).isPresent()) {
                    spawns++;
                }
                if (System.nanoTime() - nextRss >= 0) {
                    rssMax = Math.max(rssMax, ProcFs.rssMib(pid));
                    nextRss += Duration.ofSeconds(5).toNanos();
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = ProcFs.cpuSeconds(pid) - cpu0;
            double rss1 = ProcFs.rssMib(pid);
            x.put("window (s)", "%.0f", secs).put("spawns/s", "%.1f", spawns / secs)
                    .put("CPU per spawn (ms)", spawns == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.3f", cpu * 1000 / spawns))
                    .put("CPU (% of a core)", "%.1f", cpu / secs * 100)
                    .put("RSS at start (MiB)", "%.1f", rss0).put("RSS max (MiB)", "%.1f", rssMax)
                    .put("RSS at end (MiB)", "%.1f", rss1);
        } catch (Exception e) {
            x.failure = e.getMessage();
        }
        return x;
    }
}
