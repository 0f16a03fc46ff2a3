/**
 * The portable process backend on {@link java.lang.ProcessBuilder}, for platforms without the
 * Linux FFM backend; it refuses the options it cannot honour ({@link io.circus.process.Capability}).
 * Internal to circus-model: chosen by {@link io.circus.process.Launchers}.
 *
 * <p>Threading: each child has the JDK's exit waiter plus one reader thread per pipe; callbacks
 * come from those threads.
 */
package io.circus.process.jdk;
