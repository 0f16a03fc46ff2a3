/**
 * {@code circusctl}: the command line, the interactive console (JLine) and the two transports
 * (ZeroMQ through {@link io.circus.zmq.client.CircusClient}, JMX through
 * {@link io.circus.protocol.Dispatcher} over a remote connection), printing what Circus's circusctl
 * prints. Internal to circus-console; the entry point is {@code CircusCtl.main}.
 *
 * <p>Threading: the main thread owns the terminal and the transport; a JMX call runs on one helper
 * thread so the caller can give up after the timeout; {@code listen} events arrive on the
 * transport's thread and are printed by it.
 */
package io.circus.console.ctl;
