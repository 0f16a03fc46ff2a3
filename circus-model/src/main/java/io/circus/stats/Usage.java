package io.circus.stats;

/**
 * CPU and memory summed over a group of processes (a watcher's), for cheap per-watcher figures.
 *
 * @param processes  how many of the asked-for pids could be read (the others have exited)
 * @param cpuPercent the sum of their CPU percentages (100 = one core busy)
 * @param rssBytes   the sum of their resident set sizes
 */
public record Usage(int processes, double cpuPercent, long rssBytes) {

    public static final Usage NONE = new Usage(0, 0, 0);

    Usage plus(ProcessInfo p) {
        return new Usage(processes + 1, cpuPercent + p.cpuPercent(), rssBytes + p.rssBytes());
    }
}
