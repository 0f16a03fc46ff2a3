package io.circus.runtime.takeover;

import java.time.Duration;

/**
 * One process as the state file records it.
 *
 * @param watcher        the watcher's name
 * @param wid            its slot
 * @param pid            the process id
 * @param startTicks     its start time ({@code /proc/<pid>/stat} field 22)
 * @param pgid           its process group when it was spawned (equal to {@code pid} when it leads one)
 * @param stopSignal     the watcher's stop_signal when it was spawned (used if the watcher is gone)
 * @param graceful       the watcher's graceful_timeout when it was spawned
 * @param stopChildren   the watcher's stop_children: the stop signal goes to the whole group
 * @param released       handed back by {@code rm --nostop}: not ours to stop any more
 */
public record ProcessRecord(String watcher, int wid, long pid, long startTicks, long pgid, int stopSignal,
                            Duration graceful, boolean stopChildren, boolean released) {

    static final char SPAWNED = '+';
    static final char RELEASED = 'r';
    static final char REAPED = '-';
    static final char RELEASE_WATCHER = 'x';

    /** Whether the process led its own group (session) when spawned, so the group is its own. */
    public boolean leadsGroup() {
        return pgid == pid;
    }

    ProcessRecord release() {
        return new ProcessRecord(watcher, wid, pid, startTicks, pgid, stopSignal, graceful, stopChildren, true);
    }

    /** {@code + pid start pgid wid signal graceful_ms children watcher}: the name last, as it may hold spaces. */
    String line() {
        return (released ? RELEASED : SPAWNED) + " " + pid + " " + startTicks + " " + pgid + " " + wid + " "
                + stopSignal + " " + graceful.toMillis() + " " + (stopChildren ? 1 : 0) + " " + watcher + "\n";
    }

    /** @throws IllegalArgumentException for a line that is not a whole record (a torn last write) */
    static ProcessRecord parse(String line) {
        String[] f = line.split(" ", 9);
        if (f.length != 9 || f[0].length() != 1 || f[8].isEmpty()) {
            throw new IllegalArgumentException("not a process record: " + line);
        }
        return new ProcessRecord(f[8], Integer.parseInt(f[4]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Integer.parseInt(f[5]), Duration.ofMillis(Long.parseLong(f[6])),
                f[7].equals("1"), f[0].charAt(0) == RELEASED);
    }

    @Override
    public String toString() {
        return watcher + " wid " + wid + " pid " + pid;
    }
}
