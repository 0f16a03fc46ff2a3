package io.circus.zmq.control;

/**
 * A finished request on its way back to the control thread.
 *
 * @param envelope where the reply goes
 * @param payload  the encoded reply, or null when none is sent (a cast); it still marks the
 *                 request as finished
 */
public record Outgoing(Envelope envelope, byte[] payload) {
}
