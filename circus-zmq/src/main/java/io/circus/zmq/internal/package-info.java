/**
 * Helpers of the ZeroMQ facade: the mailbox that hands items to a socket's owner thread, the
 * channel beans' registration, readable bind failures. Internal to circus-zmq: no other module
 * imports it (a test checks).
 *
 * <p>Threading: {@link io.circus.zmq.internal.Mailbox} is the one cross-thread hand-off (any thread
 * in, the owner thread out); the rest is used by the thread starting and closing the facade.
 */
package io.circus.zmq.internal;
