package io.circus.jmx;

/**
 * Where the daemon can be reached.
 *
 * @param control   the ZeroMQ control endpoint ({@code endpoint})
 * @param pubsub    the ZeroMQ event endpoint ({@code pubsub_endpoint})
 * @param stats     the stats endpoint, or null when no stats stream is published
 * @param multicast the UDP discovery endpoint, empty when disabled
 * @param jmx       the JMX service URL, or {@code "local"} when only local attach is possible
 */
public record Endpoints(String control, String pubsub, String stats, String multicast, String jmx) {
}
