/**
 * Who may control the daemon: the rules every channel (ZeroMQ, JMX, an HTTP console) applies before
 * it serves anybody. See docs/security.md.
 *
 * <ul>
 *   <li>{@link io.circus.security.EndpointPolicy}: at start, refuses a channel that would listen beyond
 *       loopback without authentication, unless {@code insecure_open_endpoints} says so.</li>
 *   <li>{@link io.circus.security.TrustedUsers}: the local users trusted on loopback (the daemon's own
 *       user, root, {@code endpoint_owner}, members of {@code trusted_group}).</li>
 *   <li>{@link io.circus.security.PeerCredentials}: the uid behind a loopback TCP connection, from
 *       {@code /proc/net/tcp} and {@code /proc/net/tcp6}.</li>
 *   <li>{@link io.circus.security.LoopbackGate}: the two together, for a server that accepts sockets.</li>
 * </ul>
 *
 * <p>No JMX or ZeroMQ here: the channel modules apply these rules in their own way.
 *
 * <p>API for the channel modules.
 *
 * <p>Threading: the policies are immutable once built and may be used from any thread; peer look-ups
 * read {@code /proc} on the calling thread.
 */
package io.circus.security;
