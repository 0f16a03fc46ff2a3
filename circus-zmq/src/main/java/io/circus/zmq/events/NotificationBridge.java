package io.circus.zmq.events;

import io.circus.jmx.CircusNames;
import io.circus.jmx.InterestFilter;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.management.InstanceNotFoundException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.relation.MBeanServerNotificationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the event publisher from JMX: listens to {@code circus:type=Arbiter}, which sends every
 * event of the daemon in sequence order (the Watcher and Process beans send subsets of the same
 * notifications, so listening to them too would only duplicate). The Arbiter bean may be
 * registered after the facade starts, or replaced: the MBeanServerDelegate's registration
 * notifications say when to attach.
 *
 * <p>It listens through an {@link InterestFilter} that asks {@code wanted}, so that while nobody
 * subscribes to the channel the Arbiter bean builds no notification for it.
 *
 * <p>Threading: notifications arrive on the JMX dispatcher thread, which also asks {@code wanted};
 * the sink must only queue, and {@code wanted} must be quick.
 */
public final class NotificationBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationBridge.class);

    private final MBeanServer server;
    private final Consumer<CompositeData> sink;
    private final InterestFilter interest;
    private final NotificationListener events = this::onEvent;
    private final NotificationListener registrations = this::onRegistration;
    private boolean attached;
    private boolean closed;

    /**
     * @param sink   takes each event's user data
     * @param wanted whether the sink wants events now (it has subscribers)
     */
    public NotificationBridge(MBeanServer server, Consumer<CompositeData> sink, BooleanSupplier wanted) {
        this.server = server;
        this.sink = sink;
        this.interest = wanted::getAsBoolean;
    }

    /** Starts listening; attaches now if the Arbiter bean is already there. */
    public void start() {
        MBeanServerNotificationFilter filter = new MBeanServerNotificationFilter();
        filter.disableAllObjectNames();
        filter.enableObjectName(CircusNames.ARBITER);
        try {
            // Delegate first, then the check: a registration in between is seen by one or the other.
            server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, registrations, filter, null);
        } catch (InstanceNotFoundException e) {
            throw new IllegalStateException("MBeanServer without a delegate", e);
        }
        attach();
    }

    private void onRegistration(Notification n, Object handback) {
        if (n instanceof MBeanServerNotification m && CircusNames.ARBITER.equals(m.getMBeanName())) {
            if (MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(m.getType())) {
                attach();
            } else if (MBeanServerNotification.UNREGISTRATION_NOTIFICATION.equals(m.getType())) {
                synchronized (this) {
                    attached = false;
                }
            }
        }
    }

    private synchronized void attach() {
        if (attached || closed || !server.isRegistered(CircusNames.ARBITER)) {
            return;
        }
        try {
            server.addNotificationListener(CircusNames.ARBITER, events, interest, null);
            attached = true;
            LOG.debug("publishing the events of {}", CircusNames.ARBITER);
        } catch (InstanceNotFoundException e) {
            // Unregistered again in between; the next registration attaches.
        }
    }

    private void onEvent(Notification n, Object handback) {
        if (n.getUserData() instanceof CompositeData data) {
            sink.accept(data);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        remove(MBeanServerDelegate.DELEGATE_NAME, registrations);
        if (attached) {
            remove(CircusNames.ARBITER, events);
            attached = false;
        }
    }

    private void remove(ObjectName name, NotificationListener listener) {
        try {
            server.removeNotificationListener(name, listener);
        } catch (InstanceNotFoundException | ListenerNotFoundException e) {
            // Already gone with its bean.
        }
    }
}
