/**
 * A Java client of the Circus protocol: {@link io.circus.zmq.client.CircusClient} (control
 * channel) and {@link io.circus.zmq.client.CircusConsumer} (events, stats), compatible with Python
 * Circus daemons too. API.
 *
 * <p>Threading: a client or consumer owns its ZeroMQ socket and is used by one thread at a time;
 * open one per thread.
 */
package io.circus.zmq.client;
