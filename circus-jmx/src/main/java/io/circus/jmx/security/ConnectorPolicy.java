package io.circus.jmx.security;

import io.circus.config.GlobalSettings;
import io.circus.security.EndpointPolicy;
import io.circus.security.LoopbackGate;
import io.circus.security.TrustedUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The rules the JMX connector of {@code jmx_port} must satisfy before it starts:
 * <ul>
 *   <li>beyond loopback, {@code jmx_password_file} and {@code jmx_access_file} are required, unless
 *       {@code insecure_open_endpoints = true};</li>
 *   <li>the password file must be readable by its owner only, as the JDK's own agent demands;</li>
 *   <li>on loopback without a password file, connections are admitted from trusted local users only
 *       ({@link #gate()}).</li>
 * </ul>
 * Immutable.
 */
public final class ConnectorPolicy {

    private final Path passwordFile;
    private final Path accessFile;
    private final LoopbackGate gate;

    private ConnectorPolicy(Path passwordFile, Path accessFile, LoopbackGate gate) {
        this.passwordFile = passwordFile;
        this.accessFile = accessFile;
        this.gate = gate;
    }

    /**
     * Checks the settings of {@code [circus]}.
     *
     * @param host the host the connector binds
     * @throws IllegalStateException saying what to configure
     */
    public static ConnectorPolicy check(GlobalSettings g, String host) {
        Path password = g.jmxPasswordFile() == null ? null : Path.of(g.jmxPasswordFile());
        Path access = g.jmxAccessFile() == null ? null : Path.of(g.jmxAccessFile());
        EndpointPolicy.of(g).requireSafe("JMX connector", "jmx_host", host, password != null && access != null,
                "set jmx_password_file and jmx_access_file (roles monitor and control)");
        if (password != null) {
            checkOwnerOnly(password);
        }
        if (access != null && !Files.isReadable(access)) {
            throw new IllegalStateException("jmx_access_file '" + access + "' does not exist or is not readable");
        }
        LoopbackGate gate = null;
        if (password == null && EndpointPolicy.isLoopback(host)) {
            try {
                gate = new LoopbackGate(TrustedUsers.of(g));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return new ConnectorPolicy(password, access, gate);
    }

    private static void checkOwnerOnly(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("jmx_password_file '" + file + "' does not exist or is not readable");
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("jmx_password_file '" + file + "': cannot read its permissions: " + e);
        }
        if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IllegalStateException("jmx_password_file '" + file + "' is accessible by other users (mode "
                    + PosixFilePermissions.toString(perms) + "); it must be readable by its owner only: chmod 600 it");
        }
    }

    /** The password file, or null when the connector does not authenticate. */
    public Path passwordFile() {
        return passwordFile;
    }

    /** The access file giving each user a role, or null: then every authenticated user has control. */
    public Path accessFile() {
        return accessFile;
    }

    /** The uid check of loopback connections, or null when a password authenticates instead (or opened). */
    public LoopbackGate gate() {
        return gate;
    }
}
