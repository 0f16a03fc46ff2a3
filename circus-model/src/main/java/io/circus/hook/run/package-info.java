/**
 * Running hooks: {@link io.circus.hook.run.HookRunner} resolves a {@link io.circus.hook.HookTarget} against
 * the extension path (or a program) and runs it off the supervisor loop under {@code hook_timeout},
 * turning whatever happens (a result, an exception, an exit status, a hang) into a
 * {@link io.circus.hook.run.HookOutcome}. What an outcome does to the watcher is the runtime core's
 * business ({@code WatcherHooks}).
 */
package io.circus.hook.run;
