package io.circus.jmx.internal;

import io.circus.config.GlobalSettings;
import io.circus.jmx.security.ConnectorPolicy;
import io.circus.jmx.security.RoleAccessController;
import io.circus.jmx.security.SerialFilters;
import java.io.IOException;
import java.net.InetAddress;
import java.rmi.AlreadyBoundException;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote JMX connector of {@code [circus] jmx_port}: an RMI registry and the RMI connector
 * server on that one port (firewall-friendly, as the JDK guide's "through a firewall" recipe),
 * bound to {@code jmx_host} only, at the standard address
 * {@code service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi} that JConsole's host:port field builds.
 *
 * <p>Security (docs/security.md): {@link ConnectorPolicy} refuses to start an unauthenticated
 * connector beyond loopback and a password file others can read; on loopback without a password only
 * trusted local users get a connection; authentication is the JDK's {@code jmx.remote.x.password.file};
 * roles (monitor, control) come from {@link RoleAccessController}; {@link SerialFilters} limits what
 * the connector deserializes. With {@code jmx_ssl} both the
 * registry and the connector speak TLS with the given (or default) SSLContext; clients then need
 * {@code com.sun.jndi.rmi.factory.socket} set to an SslRMIClientSocketFactory.
 *
 * <p>RMI stubs carry the host name RMI believes is local, {@code java.rmi.server.hostname}; it is set
 * to jmx_host unless the operator set it, otherwise clients would be sent to an address the
 * connector does not listen on.
 */
final class RemoteConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnector.class);
    private static final String HOSTNAME_PROPERTY = "java.rmi.server.hostname";

    private final Registry registry;
    private final RMIConnectorServer server;
    private final JMXServiceURL address;

    private RemoteConnector(Registry registry, RMIConnectorServer server, JMXServiceURL address) {
        this.registry = registry;
        this.server = server;
        this.address = address;
    }

    /** @throws IllegalStateException naming host, port and the reason when it cannot start */
    static RemoteConnector start(GlobalSettings g, MBeanServer mbs, SSLContext givenSsl) {
        String host = g.jmxHost() == null || g.jmxHost().isBlank() ? "127.0.0.1" : g.jmxHost().strip();
        int port = g.jmxPort();
        Registry registry = null;
        try {
            ConnectorPolicy policy = ConnectorPolicy.check(g, host);
            InetAddress bind = InetAddress.getByName(host);
            SSLContext ssl = g.jmxSsl() ? (givenSsl != null ? givenSsl : SSLContext.getDefault()) : null;
            pinRmiHostname(host);
            BoundServerSocketFactory ssf = new BoundServerSocketFactory(bind, ssl, policy.gate());
            RMIClientSocketFactory csf = ssl != null ? new SslRMIClientSocketFactory() : null;
            Map<String, Object> env = new HashMap<>(SerialFilters.environment());
            if (ssl != null) {
                env.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, csf);
                env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, ssf);
            }
            if (g.jmxPasswordFile() != null) {
                env.put("jmx.remote.x.password.file", g.jmxPasswordFile());
            }
            registry = LocateRegistry.createRegistry(port, csf, ssf);
            RMIJRMPServerImpl rmi = new RMIJRMPServerImpl(port, csf, ssf, env);
            String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + hostPort + "/jndi/rmi://" + hostPort + "/jmxrmi");
            RMIConnectorServer server = new RMIConnectorServer(new JMXServiceURL("service:jmx:rmi://" + hostPort),
                    env, rmi, mbs);
            server.setMBeanServerForwarder(RoleAccessController.create(policy.accessFile()));
            server.start();
            registry.bind("jmxrmi", rmi.toStub());
            if (g.jmxPasswordFile() == null && policy.gate() == null) {
                LOG.warn("JMX connector on {} has no jmx_password_file and insecure_open_endpoints = true: anyone who "
                        + "reaches it controls circusd", hostPort);
            }
            LOG.info("JMX connector listening at {}{}{}", url, g.jmxPasswordFile() != null ? ", authenticated"
                    : policy.gate() != null ? ", admitting " + policy.gate().trusted().description() : "",
                    ssl != null ? ", TLS" : "");
            return new RemoteConnector(registry, server, url);
        } catch (IllegalStateException e) {
            unexport(registry);
            throw new IllegalStateException("cannot start the JMX connector on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        } catch (IOException | AlreadyBoundException | NoSuchAlgorithmException | RuntimeException e) {
            unexport(registry);
            throw new IllegalStateException("cannot start the JMX connector on " + host + ":" + port + ": " + e);
        }
    }

    JMXServiceURL address() {
        return address;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warn("JMX connector did not stop cleanly: {}", e.toString());
        }
        unexport(registry);
    }

    private static void unexport(Registry registry) {
        if (registry == null) {
            return;
        }
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            // Already gone.
        }
    }

    private static void pinRmiHostname(String host) {
        String current = System.getProperty(HOSTNAME_PROPERTY);
        if (current == null) {
            System.setProperty(HOSTNAME_PROPERTY, host);
        } else if (!current.equals(host)) {
            LOG.warn("{}={} differs from jmx_host={}: remote clients will be sent to {}", HOSTNAME_PROPERTY, current,
                    host, current);
        }
    }
}
