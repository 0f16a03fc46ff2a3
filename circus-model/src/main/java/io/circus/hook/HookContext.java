package io.circus.hook;

import io.circus.runtime.Watcher;
import java.util.Map;

/**
 * What a hook is told: Circus's keyword arguments ({@code watcher}, {@code hook_name} and the extra ones
 * of each hook). Values a hook point does not have are 0 or null.
 *
 * @param hookName      the hook point, e.g. {@code before_start}
 * @param watcherName   the watcher's name
 * @param watcher       the watcher, to read its state, configuration and processes (do not wait for its
 *                      operations from a hook: they queue behind the hook)
 * @param pid           {@code after_spawn}, {@code before_signal}, {@code after_signal},
 *                      {@code extended_stats}: the process; {@code before_reap}, {@code after_reap}: the
 *                      reaped process (Circus's {@code process_pid}); otherwise 0
 * @param signum        {@code before_signal}, {@code after_signal}: the signal number; otherwise 0
 * @param time          epoch seconds: when the hook point was reached
 * @param exitCode      {@code after_reap}: Circus's exit code (negative signal number when signalled);
 *                      otherwise null
 * @param processStatus {@code after_reap}: {@code DEAD_OR_ZOMBIE} when the process ended on its own, null
 *                      when the daemon stopped it (Circus's {@code process_status}); otherwise null
 * @param stats         {@code extended_stats}: the process's stats, which the hook may add entries to;
 *                      otherwise empty and unmodifiable
 */
public record HookContext(String hookName, String watcherName, Watcher watcher, long pid, int signum, double time,
                          Integer exitCode, String processStatus, Map<String, Object> stats) {

    public HookContext {
        stats = stats == null ? Map.of() : stats;
    }
}
