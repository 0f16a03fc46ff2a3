package io.circus.zmq;

import io.circus.jmx.Description;

/** {@code circus:type=Channel,name=stats}: the stats stream's counters. */
@Description("The ZeroMQ stats stream: what circusd-stats publishes, sampled from /proc by the daemon itself")
public interface StatsChannelMXBean {

    @Description("Endpoint the stats socket is bound to")
    String getEndpoint();

    @Description("Time between two sampling rounds (stats_interval), in milliseconds")
    long getIntervalMillis();

    @Description("Sampling rounds done")
    long getRounds();

    @Description("Stat messages published")
    long getPublishedMessages();

    @Description("Processes sampled in the latest round")
    int getLastRoundProcesses();

    @Description("How long the latest round took, in microseconds")
    long getLastRoundMicros();
}
