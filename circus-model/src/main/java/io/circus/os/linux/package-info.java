/**
 * Internal: the one place where libc is bound with {@code java.lang.foreign} on Linux. {@link
 * io.circus.os.linux.Libc} holds every errno-reporting call (files, pipes, pidfds, epoll, signals,
 * rlimits, sockets) and {@link io.circus.os.linux.SpawnCalls} the {@code posix_spawn} family; the
 * process layer, the socket binder and the takeover of a previous daemon's processes call them and
 * bind nothing themselves. Not an API: the classes are public only so the packages of this module
 * can reach them.
 *
 * <p>Threading: every call may be made from any thread (errno is captured per thread, in the same
 * downcall). When native access is refused, loading {@code Libc} fails; callers that have a JDK
 * fallback catch that and use it.
 */
package io.circus.os.linux;
