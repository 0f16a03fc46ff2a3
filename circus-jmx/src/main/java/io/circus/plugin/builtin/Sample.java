package io.circus.plugin.builtin;

import java.util.List;

/**
 * The extremes of a group of processes' figures in one round of the resource watcher: Circus judges
 * the maximum against {@code max_*} and the minimum against {@code min_*}.
 *
 * @param maxCpu the highest CPU percentage
 * @param minCpu the lowest CPU percentage
 * @param maxMem the highest memory percentage
 * @param minMem the lowest memory percentage
 * @param maxRss the largest resident size, bytes
 * @param minRss the smallest resident size, bytes
 */
record Sample(double maxCpu, double minCpu, double maxMem, double minMem, long maxRss, long minRss) {

    /** One process. */
    static Sample one(double cpu, double mem, long rss) {
        return new Sample(cpu, cpu, mem, mem, rss, rss);
    }

    /** The extremes over several; all zero when there are none (Circus's rule: no process, no load). */
    static Sample of(List<Sample> samples) {
        if (samples.isEmpty()) {
            return new Sample(0, 0, 0, 0, 0, 0);
        }
        Sample s = samples.getFirst();
        for (Sample o : samples.subList(1, samples.size())) {
            s = new Sample(Math.max(s.maxCpu, o.maxCpu), Math.min(s.minCpu, o.minCpu), Math.max(s.maxMem, o.maxMem),
                    Math.min(s.minMem, o.minMem), Math.max(s.maxRss, o.maxRss), Math.min(s.minRss, o.minRss));
        }
        return s;
    }
}
