/**
 * The ZeroMQ face of the daemon ({@link io.circus.zmq.ZmqFacade}): Circus 0.19's control channel,
 * event channel and stats stream, and the MXBeans of their counters. API: the facade and the
 * channel MXBean interfaces.
 *
 * <p>Threading: every ZeroMQ socket has one owner thread (the channel's); other threads reach it
 * through queues, never by touching the socket. {@code start} and {@code close} are called by the
 * thread that owns the daemon's lifecycle.
 */
package io.circus.zmq;
