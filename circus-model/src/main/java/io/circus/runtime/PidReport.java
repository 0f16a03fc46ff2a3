package io.circus.runtime;

import java.util.List;

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
    public PidReport {
        started = List.copyOf(started);
        stopped = List.copyOf(stopped);
        kept = List.copyOf(kept);
    }
}
