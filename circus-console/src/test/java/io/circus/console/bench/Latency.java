package io.circus.console.bench;

import java.time.Duration;
import java.util.Arrays;

/** Round-trip latencies of one call, one at a time, bounded by a count and a time budget. */
final class Latency {

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** Longest warm-up before each sample. */
    static final Duration WARM_UP = Duration.ofSeconds(3);

    /**
     * Sorted nanoseconds; at least one sample, at most {@code calls}, and stops after {@code budget}.
     *
     * <p>The same warm-up for every contender, long enough for the benchmark's own client: this JVM's
     * JeroMQ client needs about 4000 calls before its code is compiled (a fresh client against an
     * already warm daemon measured a p50 of 0.33–0.35 ms over calls 1000–2000 and 0.21–0.25 ms
     * after 4000). With 100 warm-up calls the first contender (ours) was measured with a cold
     * client and the peers after it with a warm one.
     */
    static long[] sample(Call call, int calls, Duration budget) throws Exception {
        long warmEnd = System.nanoTime() + Math.min(budget.toNanos() / 2, WARM_UP.toNanos());
        for (int i = 0; i < 5 * calls && System.nanoTime() - warmEnd < 0; i++) {
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
