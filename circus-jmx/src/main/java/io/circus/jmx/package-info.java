/**
 * The management contract: the MXBean interfaces ({@link io.circus.jmx.ArbiterMXBean},
 * {@link io.circus.jmx.WatcherMXBean}, {@link io.circus.jmx.ProcessMXBean},
 * {@link io.circus.jmx.SocketMXBean}), the values they return, their ObjectNames
 * ({@link io.circus.jmx.CircusNames}) and notification types, and the entry point that registers
 * them ({@link io.circus.jmx.CircusManagement}). Every facade (ZeroMQ, circusctl, JMX consoles) is a
 * mapping onto these operations. API.
 *
 * <p>Threading: operations run on the caller's thread (a JMX connection thread, a facade's command
 * thread) and only hand work to the runtime; with {@code waiting} they block that caller, never the
 * supervisor loop. Notifications are sent from one dispatcher thread, in event order.
 */
package io.circus.jmx;
