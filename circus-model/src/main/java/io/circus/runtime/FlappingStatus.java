package io.circus.runtime;

/**
 * A watcher judged flapping by a plugin (Flapping parks it: stops it, then starts it again after
 * {@code retry_in}, at most {@code max_retry} times). The core's own back-off is {@link BackoffStatus};
 * {@link #describe} renders either as the one line operators read in {@code status}, JMX and {@code top}.
 *
 * @param source            who judged it: {@code plugin:NAME}
 * @param parked            whether the watcher was stopped because of it
 * @param sinceEpochMillis  when it was judged flapping
 * @param retryEpochMillis  when it will be started again, or 0 when no retry is planned (given up)
 * @param tries             retries so far
 * @param maxRetry          retries allowed, -1 for no limit
 * @param reason            what was seen, e.g. {@code 3 exits within 1.0 s}
 */
public record FlappingStatus(String source, boolean parked, long sinceEpochMillis, long retryEpochMillis, int tries,
                             int maxRetry, String reason) {

    /** Not flapping. */
    public static final FlappingStatus NONE = new FlappingStatus("", false, 0, 0, 0, 0, "");

    /** Whether anything is to be shown. */
    public boolean flapping() {
        return parked;
    }

    /**
     * The operator's line: {@code parked by plugin:flapping, retry 2/5 in 7 s (3 exits within 1.0 s)},
     * {@code parked by plugin:flapping for good after 5 retries (...)}, or for the core's back-off
     * {@code backing off, retry in 0.8 s (wid 1 exited with code 1 after 3 ms)}; empty when neither.
     */
    public static String describe(FlappingStatus plugin, BackoffStatus backoff, long nowMillis) {
        if (plugin != null && plugin.parked()) {
            String retry;
            if (plugin.retryEpochMillis() > 0) {
                long s = Math.max(0, (plugin.retryEpochMillis() - nowMillis + 999) / 1000);
                retry = "retry " + plugin.tries() + "/" + (plugin.maxRetry() < 0 ? "unlimited" : plugin.maxRetry())
                        + " in " + s + " s";
            } else {
                retry = "for good after " + plugin.tries() + " retries (start it to resume)";
            }
            return "parked by " + plugin.source() + ", " + retry
                    + (plugin.reason().isEmpty() ? "" : " (" + plugin.reason() + ")");
        }
        if (backoff != null && backoff.backingOff()) {
            long next = backoff.nextRetryEpochMillis();
            // Tenths of a second without Formatter: this runs while spawns fail for want of descriptors,
            // when loading locale data could fail too.
            long tenths = (Math.max(0, next - nowMillis) + 50) / 100;
            String when = next == 0 ? "respawning now" : "retry in " + tenths / 10 + "." + tenths % 10 + " s";
            return "backing off, " + when + (backoff.reason().isEmpty() ? "" : " (" + backoff.reason() + ")");
        }
        return "";
    }
}
