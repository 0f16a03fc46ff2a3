package io.circus.console.bench;

/**
 * The figures of a standard row (issue 15's columns and a few more), each lower-is-better, with
 * the goals set for N = 1000 and N = 10000.
 */
enum Figure {
    READY("daemon launch → control answers", "s", 2, Double.NaN, Double.NaN),
    ALL_RUNNING("`start` → all N running", "s", 3, 1.0, 10.0),
    SPAWN_CPU("spawn cost per child (daemon CPU)", "ms", 3, Double.NaN, Double.NaN),
    RSS_AFTER_START("RSS right after the start", "MiB", 1, Double.NaN, Double.NaN),
    RSS("RSS, settled (after the idle window)", "MiB", 1, 64, 142),
    THREADS("threads", "", 0, Double.NaN, Double.NaN),
    IDLE_CPU("idle CPU", "% of a core", 3, 0.1, 0.2),
    STATUS_P50("`status` p50", "ms", 3, 0.3, Double.NaN),
    STATUS_P99("`status` p99", "ms", 3, Double.NaN, Double.NaN),
    LIST_P50("`list` p50", "ms", 3, Double.NaN, 5),
    LIST_P99("`list` p99", "ms", 3, 5, Double.NaN),
    RESPAWN("respawn of 10 % killed", "s", 3, Double.NaN, 1.5),
    STOP_ALL("`stop` → all stopped", "s", 3, Double.NaN, 1.0),
    SIGTERM("SIGTERM → daemon gone", "s", 3, 0.5, Double.NaN),
    CLI("one-shot CLI, median", "ms", 0, Double.NaN, Double.NaN);

    final String label;
    final String unit;
    final int decimals;
    private final double goal1000;
    private final double goal10000;

    Figure(String label, String unit, int decimals, double goal1000, double goal10000) {
        this.label = label;
        this.unit = unit;
        this.decimals = decimals;
        this.goal1000 = goal1000;
        this.goal10000 = goal10000;
    }

    /** The goal for this N (an upper bound), or NaN when none is set. */
    double goal(int n) {
        return n == 1000 ? goal1000 : n == 10000 ? goal10000 : Double.NaN;
    }

    String format(double v) {
        return Double.isNaN(v) ? "–" : String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
