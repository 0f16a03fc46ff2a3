package io.circus.console.bench;

import java.time.Duration;
import java.util.Arrays;

/** Round-trip latencies of one call, one at a time, bounded by a count and a time budget. */
final class Latency {

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** Sorted nanoseconds; at least one sample, at most {@code calls}, and stops after {@code budget}. */
    static long[] sample(Call call, int calls, Duration budget) throws Exception {
        long warmEnd = System.nanoTime() + Math.min(budget.toNanos() / 5, Duration.ofSeconds(2).toNanos());
        for (int i = 0; i < Math.max(1, calls / 10) && System.nanoTime() - warmEnd < 0; i++) {
            call.run();
        }
        long[] nanos = new long[calls];
        int k = 0;
        long end = System.nanoTime() + budget.toNanos();
        while (k < calls && (k == 0 || System.nanoTime() - end < 0)) {
            long t0 = System.nanoTime();
            call.run();
            nanos[k++] = System.nanoTime() - t0;
        }
        long[] taken = Arrays.copyOf(nanos, k);
        Arrays.sort(taken);
        return taken;
    }

    /** The q-quantile in milliseconds (nearest rank). */
    static double ms(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.clamp(rank, 0, sorted.length - 1)] / 1e6;
    }

    private Latency() {
    }
}
