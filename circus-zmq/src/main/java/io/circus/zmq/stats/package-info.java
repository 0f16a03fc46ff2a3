/**
 * The stats stream (what circusd-stats publishes), published by the daemon itself on
 * {@code stats_endpoint}: per-process and per-watcher figures and the listen-queue depths of the
 * daemon's sockets. Internal to circus-zmq (public for the facade).
 *
 * <p>Threading: the {@code circus-zmq-stats} thread reads pids and sockets from the MBeans, figures
 * from /proc, and alone owns the XPUB socket.
 */
package io.circus.zmq.stats;
