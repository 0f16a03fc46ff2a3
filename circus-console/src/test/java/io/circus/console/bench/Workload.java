package io.circus.console.bench;

import java.nio.file.Path;

/**
 * What a daemon under test is asked to supervise: one watcher (or supervisord program group) of
 * {@code n} copies of {@code cmd}, in {@code dir}.
 *
 * @param autostart   false: the daemon starts idle and the benchmark sends the start command
 * @param streams     each child's stdout and stderr captured to a file by the daemon
 * @param stats       the stats stream on (Circus {@code statsd})
 * @param openFiles   soft open-files limit the daemon is started under, or 0 to inherit the bench's
 */
record Workload(Path dir, String watcher, int n, String cmd, double checkDelay, boolean autostart, boolean streams,
        boolean stats, int openFiles) {

    /** The standard rows: N {@code sleep 3600}, started by command, Circus's default check_delay. */
    static Workload sleepers(Path dir, int n) {
        return new Workload(dir, "sleepers", n, "sleep 3600", 5, false, false, false, 0);
    }

    Workload withStreams(int openFilesLimit) {
        return new Workload(dir, watcher, n, cmd, checkDelay, autostart, true, stats, openFilesLimit);
    }

    Workload withStats() {
        return new Workload(dir, watcher, n, cmd, checkDelay, autostart, streams, true, openFiles);
    }

    Workload autostarted() {
        return new Workload(dir, watcher, n, cmd, checkDelay, true, streams, stats, openFiles);
    }

    /** The churn workload: short-lived children respawned as fast as the daemon's housekeeping allows. */
    static Workload churn(Path dir) {
        return new Workload(dir, "churn", 50, "/bin/true", 0.2, true, false, false, 0);
    }
}
