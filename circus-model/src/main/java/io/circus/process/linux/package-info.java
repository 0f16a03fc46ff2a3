/**
 * The native Linux process backend on {@code java.lang.foreign}: {@code posix_spawn}, pidfds, epoll
 * event loops, the orphan reaper and the libc bindings they need (design: spawn-probe). Internal to
 * circus-model: chosen by {@link io.circus.process.Launchers}.
 *
 * <p>Threading: spawns run on the caller's thread; every pipe and pidfd of a child is watched by one
 * {@code EventLoop} platform thread, which runs the exit and output callbacks; no thread per child.
 */
package io.circus.process.linux;
