package io.circus.jmx;

import java.util.List;

/**
 * What a start, stop, restart or reload did to a watcher's processes: Circus's {@code info} reply
 * of those commands with {@code waiting}. Each list is sorted.
 *
 * @param started pids running afterwards that did not run before
 * @param stopped pids running before that are gone afterwards
 * @param kept    pids running both before and afterwards
 */
public record PidChanges(List<Long> started, List<Long> stopped, List<Long> kept) {
    public PidChanges {
        started = List.copyOf(started);
        stopped = List.copyOf(stopped);
        kept = List.copyOf(kept);
    }
}
