/**
 * The supervision runtime's API: the {@link io.circus.runtime.Arbiter}, its
 * {@link io.circus.runtime.Watcher}s and their {@link io.circus.runtime.SupervisedProcess} slots,
 * with the values their operations report ({@link io.circus.runtime.PidReport},
 * {@link io.circus.runtime.ConfigDiff}) and the errors they refuse with. Every facade (JMX, ZeroMQ,
 * the console) acts through these interfaces only. API; implemented in {@code runtime.core}.
 *
 * <p>Threading: operations may be called from any thread; each returns at once with a future that
 * the supervisor loop completes. Reads never wait for the loop. Listeners are called on the loop and
 * must only queue.
 */
package io.circus.runtime;
