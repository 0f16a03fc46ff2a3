package io.circus.jmx;

import io.circus.runtime.PidReport;
import java.util.List;

/**
 * What a start, stop, restart or reload did to the processes of one watcher or of a group: Circus's
 * {@code info} reply of those commands with {@code waiting}. The pids are those the watchers
 * recorded as they spawned and reaped during the operation, never a comparison of pid lists taken
 * before and after. Each list is sorted.
 *
 * @param started  pids running afterwards that did not run before
 * @param stopped  pids running before that are gone afterwards
 * @param kept     pids running both before and afterwards
 * @param watchers the watchers the operation addressed, in start order: one when it was one
 *                 watcher's own operation (a single watcher, or a pattern that selected exactly one),
 *                 every one selected for a group
 */
public record PidChanges(List<Long> started, List<Long> stopped, List<Long> kept, List<String> watchers) {
    public PidChanges {
        started = List.copyOf(started);
        stopped = List.copyOf(stopped);
        kept = List.copyOf(kept);
        watchers = List.copyOf(watchers);
    }

    /** The runtime's report of an operation on {@code watchers}. */
    public static PidChanges of(PidReport report, List<String> watchers) {
        return new PidChanges(report.started(), report.stopped(), report.kept(), watchers);
    }
}
