package io.circus.zmq.client;

/**
 * Why our client sockets set a short ZMQ_HANDSHAKE_IVL: with JeroMQ 0.6.0 on the connecting side,
 * about one fresh TCP connection in thirty completes but never finishes the ZMTP handshake (seen
 * against libzmq and JeroMQ peers alike; a JeroMQ server with libzmq clients is unaffected).
 * Messages queued meanwhile (a request, a SUB's subscriptions) then sit there until the default
 * 30 s handshake timeout. With a short one the stalled connection is dropped and retried, and the
 * queued messages go out on the new one: a rare delay of about a second instead of a lost call.
 */
final class Handshake {

    /** Long enough for a handshake over a slow link (an SSH tunnel), short next to a call's timeout. */
    static final int TIMEOUT_MILLIS = 1000;

    private Handshake() {
    }
}
