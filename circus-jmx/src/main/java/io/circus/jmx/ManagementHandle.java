package io.circus.jmx;

import io.circus.daemon.Facade;
import java.util.Optional;
import javax.management.MBeanServer;
import javax.management.remote.JMXServiceURL;

/**
 * What {@link CircusManagement#start} started: the beans registered on an MBeanServer, the
 * notification dispatcher and, when {@code jmx_port} is set, the remote connector. Closing it
 * unregisters every bean it registered and stops the connector; it is idempotent. As the
 * {@link Facade} of an {@link io.circus.daemon.EmbeddedDaemon}, it is what {@link CircusManagement#facade()}
 * starts.
 *
 * <p>Threading: safe to use from any thread; {@link #close()} blocks until the dispatcher thread
 * has delivered the notifications already queued and the connector has stopped.
 */
public interface ManagementHandle extends Facade {

    /** Where the beans are registered (the platform MBeanServer unless another was given). */
    MBeanServer server();

    /**
     * The remote connector's address ({@code service:jmx:rmi://HOST:PORT/jndi/rmi://HOST:PORT/jmxrmi}),
     * empty when no {@code jmx_port} is configured (local attach only).
     */
    Optional<JMXServiceURL> serviceUrl();

    @Override
    void close();
}
