/**
 * Crash takeover: what a daemon that was killed without a chance to stop its children (SIGKILL, the
 * OOM killer) left running is found and stopped by the next daemon started on the same configuration,
 * before that one binds its sockets or starts a watcher.
 *
 * <p>{@link io.circus.runtime.takeover.StateJournal} records, on a writer thread of its own, each
 * process as it is spawned and reaped (pid, start time, process group, watcher, wid, stop signal and
 * graceful timeout) in an append-only state file that it compacts now and then; at a clean exit it
 * removes the file. {@link io.circus.runtime.takeover.PreviousLife} reads such a file back, and
 * {@link io.circus.runtime.takeover.Takeover} stops every recorded process that is verifiably still
 * the same process (same boot, same start time), with its watcher's stop signal and graceful timeout,
 * then SIGKILL to its process group. Nothing else is ever signalled. See docs/crash-recovery.md.
 *
 * <p>API for the daemon launcher.
 *
 * <p>Threading: {@code Takeover} runs once on the thread starting the daemon, before the arbiter
 * exists; the journal is fed from the supervisor loop and writes on its own thread.
 */
package io.circus.runtime.takeover;
