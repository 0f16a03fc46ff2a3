package io.circus.runtime;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one start, stop, restart or reload did to a watcher's processes, as the watcher recorded it
 * while spawning and reaping (so a respawn caused by another operation before or after is never
 * counted). Each list is sorted.
 *
 * @param started pids spawned by the operation and still running at its end
 * @param stopped pids running when the operation began and reaped during it
 * @param kept    pids running when the operation began that still run at its end
 */
public record PidReport(List<Long> started, List<Long> stopped, List<Long> kept) {

    /** Nothing started, stopped or kept. */
    public static final PidReport NONE = new PidReport(List.of(), List.of(), List.of());

    public PidReport {
        started = List.copyOf(started);
        stopped = List.copyOf(stopped);
        kept = List.copyOf(kept);
    }

    /** Two operations on different watchers, run side by side: their pids together. */
    public PidReport and(PidReport other) {
        return new PidReport(union(started, other.started), union(stopped, other.stopped), union(kept, other.kept));
    }

    /**
     * This operation followed by {@code next} on the same watchers (a group restart: stop, then
     * start): a pid this one started and the next stopped was neither started nor kept overall, and
     * one this one started that the next kept counts as started.
     */
    public PidReport then(PidReport next) {
        Set<Long> startedAll = new TreeSet<>(started);
        startedAll.removeAll(next.stopped);
        startedAll.addAll(next.started);
        Set<Long> stoppedAll = new TreeSet<>(next.stopped);
        stoppedAll.removeAll(started);
        stoppedAll.addAll(stopped);
        Set<Long> keptAll = new TreeSet<>(next.kept);
        keptAll.removeAll(started);
        return new PidReport(List.copyOf(startedAll), List.copyOf(stoppedAll), List.copyOf(keptAll));
    }

    private static List<Long> union(List<Long> a, List<Long> b) {
        Set<Long> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
