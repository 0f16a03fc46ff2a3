/**
 * Hooks: code run at eleven points of a watcher's life, as Circus's {@code hooks.<name>} (docs/extending.md).
 *
 * <p>A hook is named in the configuration by a {@link io.circus.hook.HookTarget}: a Java class implementing
 * {@link io.circus.hook.Hook}, a public static method taking a {@link io.circus.hook.HookContext}, both
 * loaded from the extension path, or a command. {@link io.circus.hook.HookName} says what each hook's
 * result does.
 *
 * <p>Threading: a hook never runs on the supervisor loop. The hooks of one watcher run one at a time, in
 * the order the watcher reached its hook points, each on a thread of its own; hooks of different watchers
 * run in parallel. A hook that does not finish within {@code [circus] hook_timeout} counts as failed (a
 * command is killed with its process group; a Java hook's thread is interrupted and abandoned).
 */
package io.circus.hook;
