package io.circus.plugin.builtin;

import java.util.List;

/**
 * Consecutive rounds out of bounds, one count per bound, for one process group (a watcher's
 * processes, or one child): a round within a bound resets its count, as in Circus.
 */
final class ViolationCounts {

    private static final List<String> KINDS = List.of("over_cpu", "under_cpu", "over_memory", "under_memory",
            "over_health");

    private final int[] counts = new int[KINDS.size()];

    /** Counts one round; returns the bounds it broke. */
    List<String> update(ResourceLimits limits, Sample sample) {
        List<String> broken = limits.violations(sample);
        for (int i = 0; i < counts.length; i++) {
            counts[i] = broken.contains(KINDS.get(i)) ? counts[i] + 1 : 0;
        }
        return broken;
    }

    /** The longest current run. */
    int max() {
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }

    void reset() {
        java.util.Arrays.fill(counts, 0);
    }
}
