/**
 * Running hooks: {@link io.circus.hook.run.HookRunner} resolves a {@link io.circus.hook.HookTarget} against
 * the extension path (or a program) and runs it off the supervisor loop under {@code hook_timeout},
 * turning whatever happens (a result, an exception, an exit status, a hang) into a
 * {@link io.circus.hook.run.HookOutcome}. What an outcome does to the watcher is the runtime core's
 * business ({@code WatcherHooks}).
 *
 * <p>Threading: {@link io.circus.hook.run.HookRunner} may be called from any thread (the supervisor loop
 * calls it); each hook call runs on a new platform thread of its own, its deadline is watched by one
 * shared timer thread, and a command's output is read by one more thread per call. Outcomes complete on
 * those threads: callers hand them back to their own executor.
 */
package io.circus.hook.run;
