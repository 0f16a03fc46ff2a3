/**
 * Who may use the JMX connector of {@code jmx_port} (docs/security.md): the start-up rules
 * ({@link io.circus.jmx.security.ConnectorPolicy}: beyond loopback a password file and an access file,
 * a password file only its owner can read), the uid check of loopback connections without a password
 * ({@link io.circus.jmx.security.GatedServerSocket}), the two roles, monitor and control
 * ({@link io.circus.jmx.security.RoleAccessController}), and the deserialization filters of the RMI
 * connector ({@link io.circus.jmx.security.SerialFilters}).
 *
 * <p>Used by circus-jmx's own connector (public across its packages).
 *
 * <p>Threading: the policies are immutable; the socket gate and the access controller are called on
 * the RMI connector's threads and keep no mutable state.
 */
package io.circus.jmx.security;
