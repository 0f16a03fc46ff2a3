package io.circus.zmq;

import io.circus.jmx.Description;

/** {@code circus:type=Channel,name=control}: the ZeroMQ control channel's counters. */
@Description("The ZeroMQ control channel: Circus's command protocol on a ROUTER socket")
public interface ControlChannelMXBean {

    @Description("Endpoint the ROUTER socket is bound to")
    String getEndpoint();

    @Description("Messages received, well-formed or not")
    long getRequestsReceived();

    @Description("Messages answered with a decoding error (not UTF-8 JSON, not an object, too large, bad framing, no command)")
    long getRequestsRejected();

    @Description("Replies sent, error replies included")
    long getRepliesSent();

    @Description("Requests accepted and not answered yet (waiting operations included)")
    int getRequestsInFlight();

    @Description("Largest request answered normally, in bytes; larger ones get an errno 1 reply")
    int getMaxRequestBytes();
}
