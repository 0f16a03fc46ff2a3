package io.circus.runtime.core;

import io.circus.runtime.PidReport;
import java.util.HashSet;
import java.util.Set;

/**
 * Records which pids one watcher operation started and ended, as they happen, for its {@link
 * PidReport}. A pid that starts and ends within the operation is in neither list. Loop only.
 */
final class PidRecorder {

    private final Set<Long> started = new HashSet<>();
    private final Set<Long> stopped = new HashSet<>();

    void started(long pid) {
        started.add(pid);
    }

    void ended(long pid) {
        if (!started.remove(pid)) {
            stopped.add(pid);
        }
    }

    /** The report, with the kept pids read from the table as the operation ends. */
    PidReport report(SlotTable table) {
        return new PidReport(sorted(started), sorted(stopped), sorted(table.runningExcept(started)));
    }

    private static java.util.List<Long> sorted(Set<Long> pids) {
        return pids.stream().sorted().toList();
    }
}
