/**
 * Circus's {@code [socket:NAME]} sockets: bound by the daemon through {@code java.lang.foreign}
 * and passed to children by descriptor. API for the runtime ({@link io.circus.socket.BoundSocket},
 * {@link io.circus.socket.SocketBinder}); {@code SocketCalls} is the libc binding behind them.
 *
 * <p>Threading: binding happens once, on the thread building the arbiter; a bound socket is
 * immutable until closed, which the arbiter does at shutdown.
 */
package io.circus.socket;
