package io.circus.runtime;

/**
 * Whether a watcher is backing off: some of its processes keep exiting within a second of their
 * start (a crash loop), or their spawns keep failing for want of a system resource, so each is
 * respawned after a growing delay (100 ms doubling up to check_delay) instead of at once. The
 * watcher's status word stays Circus's ({@code active}); this is the detail beside it.
 *
 * @param backingOff           whether any process slot is in back-off
 * @param slots                how many process slots are in back-off
 * @param sinceEpochMillis     when the watcher started backing off, or 0
 * @param nextRetryEpochMillis the earliest pending respawn, or 0 when none is waiting (spawning now)
 * @param delayMillis          the longest current respawn delay of its slots
 * @param reason               the latest cause, e.g. {@code wid 2 exited with code 7 after 12 ms} or
 *                             {@code spawn failed: pidfd_open: Too many open files}; empty when not
 *                             backing off
 */
public record BackoffStatus(boolean backingOff, int slots, long sinceEpochMillis, long nextRetryEpochMillis,
                            long delayMillis, String reason) {

    /** Not backing off. */
    public static final BackoffStatus NONE = new BackoffStatus(false, 0, 0, 0, 0, "");
}
