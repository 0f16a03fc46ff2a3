package io.circus.runtime;

import java.util.List;

/**
 * What a {@code reloadconfig} changed.
 *
 * @param added       watchers added (and started when autostart)
 * @param removed     watchers stopped and removed
 * @param restarted   watchers whose cmd, args, env or another restart-requiring option changed
 * @param updated     watchers changed live (process count, timeouts, ...), no process restarted
 * @param unchanged   watchers left exactly as they were
 * @param needsDaemonRestart [circus] settings that changed but only apply when circusd restarts
 */
public record ConfigDiff(List<String> added, List<String> removed, List<String> restarted, List<String> updated,
                         List<String> unchanged, List<String> needsDaemonRestart) {
    public ConfigDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        restarted = List.copyOf(restarted);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        needsDaemonRestart = List.copyOf(needsDaemonRestart);
    }
}
