package io.circus.process;

/**
 * How the kernel describes a child it started, as the launcher knows it without reading
 * {@code /proc}: what the crash-takeover journal needs to recognise the process later. Reading
 * {@code /proc/<pid>/stat} once per spawn for this made the kernel keep dentries for every child,
 * which it then had to drop in each reap: a stop of 10,000 paid for it on the reaping thread.
 *
 * <p>The start time is a range because the launcher reads the clock just before and just after the
 * spawn, and the kernel stamps the child in between: most spawns take well under a tick, so the two
 * ends are equal or one tick apart.
 *
 * @param pid           the process
 * @param earliestTicks the earliest its start time can be, as {@code /proc/<pid>/stat} field 22 shows
 *                      it: clock ticks ({@code USER_HZ}, 100 a second) since boot, {@code CLOCK_BOOTTIME}
 * @param latestTicks   the latest it can be
 * @param leadsGroup    whether it leads its own process group (spawned with a {@link GroupMode} other
 *                      than NONE); otherwise it is in the daemon's group
 */
public record KernelStart(long pid, long earliestTicks, long latestTicks, boolean leadsGroup) {

    /** {@code USER_HZ}: the unit of start times in {@code /proc}, the same on every Linux ABI. */
    public static final long NANOS_PER_TICK = 10_000_000L;

    public KernelStart {
        if (earliestTicks < 0 || latestTicks < earliestTicks) {
            throw new IllegalArgumentException("start ticks " + earliestTicks + ".." + latestTicks);
        }
    }

    /** Whether a process started at {@code ticks} can be this one. */
    public boolean matches(long ticks) {
        return earliestTicks <= ticks && ticks <= latestTicks;
    }
}
