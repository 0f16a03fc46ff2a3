package io.circus.runtime.takeover;

import java.time.Duration;

/**
 * One process as the state file records it.
 *
 * @param watcher        the watcher's name
 * @param wid            its slot
 * @param pid            the process id
 * @param startTicks     its start time ({@code /proc/<pid>/stat} field 22), or the earliest it can be
 * @param startSlack     how many ticks later it can be: 0 when read from /proc, usually 0 or 1 when
 *                       the launcher measured it around the spawn ({@link io.circus.process.KernelStart})
 * @param pgid           its process group when it was spawned (equal to {@code pid} when it leads one)
 * @param stopSignal     the watcher's stop_signal when it was spawned (used if the watcher is gone)
 * @param graceful       the watcher's graceful_timeout when it was spawned
 * @param stopChildren   the watcher's stop_children: the stop signal goes to the whole group
 * @param released       handed back by {@code rm --nostop}: not ours to stop any more
 */
public record ProcessRecord(String watcher, int wid, long pid, long startTicks, int startSlack, long pgid,
                            int stopSignal, Duration graceful, boolean stopChildren, boolean released) {

    /** A record whose start time is exact. */
    public ProcessRecord(String watcher, int wid, long pid, long startTicks, long pgid, int stopSignal,
                         Duration graceful, boolean stopChildren, boolean released) {
        this(watcher, wid, pid, startTicks, 0, pgid, stopSignal, graceful, stopChildren, released);
    }

    /** Whether a process that started at {@code ticks} (field 22 of its stat) can be this one. */
    public boolean startedAt(long ticks) {
        return startTicks <= ticks && ticks <= startTicks + startSlack;
    }

    /** The start as written in the file: {@code ticks}, or {@code ticks+slack}. */
    String start() {
        return startSlack == 0 ? Long.toString(startTicks) : startTicks + "+" + startSlack;
    }

    /** Whether {@code written} (a reap line's start) names this record's start. */
    boolean sameStart(String written) {
        return start().equals(written);
    }

    static final char SPAWNED = '+';
    static final char RELEASED = 'r';
    static final char REAPED = '-';
    static final char RELEASE_WATCHER = 'x';

    /** Whether the process led its own group (session) when spawned, so the group is its own. */
    public boolean leadsGroup() {
        return pgid == pid;
    }

    ProcessRecord release() {
        return new ProcessRecord(watcher, wid, pid, startTicks, startSlack, pgid, stopSignal, graceful, stopChildren, true);
    }

    /**
     * {@code + pid start pgid wid signal graceful_ms children watcher}: the name last, as it may hold
     * spaces; {@code start} is {@link #start()}.
     */
    String line() {
        return (released ? RELEASED : SPAWNED) + " " + pid + " " + start() + " " + pgid + " " + wid + " "
                + stopSignal + " " + graceful.toMillis() + " " + (stopChildren ? 1 : 0) + " " + watcher + "\n";
    }

    /** @throws IllegalArgumentException for a line that is not a whole record (a torn last write) */
    static ProcessRecord parse(String line) {
        String[] f = line.split(" ", 9);
        if (f.length != 9 || f[0].length() != 1 || f[8].isEmpty()) {
            throw new IllegalArgumentException("not a process record: " + line);
        }
        int plus = f[2].indexOf('+');
        long start = Long.parseLong(plus < 0 ? f[2] : f[2].substring(0, plus));
        int slack = plus < 0 ? 0 : Integer.parseInt(f[2].substring(plus + 1));
        if (slack < 0) {
            throw new IllegalArgumentException("negative start slack: " + line);
        }
        return new ProcessRecord(f[8], Integer.parseInt(f[4]), Long.parseLong(f[1]), start, slack,
                Long.parseLong(f[3]), Integer.parseInt(f[5]), Duration.ofMillis(Long.parseLong(f[6])),
                f[7].equals("1"), f[0].charAt(0) == RELEASED);
    }

    @Override
    public String toString() {
        return watcher + " wid " + wid + " pid " + pid;
    }
}
