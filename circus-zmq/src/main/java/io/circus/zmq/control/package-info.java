/**
 * The control channel's transport: the ROUTER socket and its thread
 * ({@link io.circus.zmq.control.ControlChannel}), framing and the routing envelope, and the executor
 * that runs decoded requests off that thread. What a request means is {@link io.circus.protocol}'s
 * business. Internal to circus-zmq (public for {@link io.circus.zmq.ZmqFacade}).
 *
 * <p>Threading: the control thread alone owns the ROUTER socket and only moves bytes; requests go by
 * queue to the one {@code circus-zmq-commands} thread (or, for waiting commands, a virtual thread of
 * their own); replies come back by mailbox to the control thread.
 */
package io.circus.zmq.control;
