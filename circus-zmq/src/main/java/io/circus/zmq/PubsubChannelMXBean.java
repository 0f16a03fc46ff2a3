package io.circus.zmq;

import io.circus.jmx.Description;

/** {@code circus:type=Channel,name=pubsub}: the ZeroMQ event publisher's counters. */
@Description("The ZeroMQ event channel: every daemon event published under Circus's topics")
public interface PubsubChannelMXBean {

    @Description("Endpoint the publishing socket is bound to")
    String getEndpoint();

    @Description("Send high-water mark per subscriber: past it ZeroMQ drops that subscriber's events, silently (seq shows the gap)")
    int getSndHwm();

    @Description("Events that can wait for the publisher thread; past it events are dropped and counted")
    int getQueueCapacity();

    @Description("Events waiting for the publisher thread now")
    int getQueueSize();

    @Description("Bytes of encoded events waiting for the publisher thread now (each counted with about 100 bytes of overhead)")
    long getQueueBytes();

    @Description("Bytes of encoded events that can wait for the publisher thread; past it events are dropped and counted")
    long getMaxQueueBytes();

    @Description("Events published")
    long getPublishedEvents();

    @Description("Events dropped because the queue to the publisher thread was full")
    long getDroppedEvents();

    @Description("Sequence number of the latest event published, 0 before any")
    long getLastPublishedSeq();

    @Description("Distinct topic prefixes subscribed to by at least one subscriber")
    int getSubscriptions();
}
