package io.circus.jmx.internal;

import io.circus.jmx.InterestFilter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;

/**
 * A bean's notification side: its listeners and its name as the notification source.
 *
 * <p>Threading: {@link #send} is called only by the dispatcher thread, which delivers to local
 * listeners synchronously (in order); remote listeners are served from the connector's buffer.
 */
final class Emitter {

    private final ObjectName name;
    private final Broadcaster broadcaster;

    /**
     * Remembers whether anyone ever listened, and which listeners may want nothing for now
     * ({@link InterestFilter}), so that a bean nobody follows builds no notification.
     */
    private static final class Broadcaster extends NotificationBroadcasterSupport {
        private record Conditional(NotificationListener listener, InterestFilter filter, Object handback) {
        }

        private volatile boolean listened;
        private final List<Conditional> conditional = new CopyOnWriteArrayList<>();

        Broadcaster(MBeanNotificationInfo[] infos) {
            super(infos);
        }

        @Override
        public void addNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback) {
            super.addNotificationListener(listener, filter, handback);
            if (filter instanceof InterestFilter interest) {
                conditional.add(new Conditional(listener, interest, handback));
            } else {
                listened = true;
            }
        }

        @Override
        public void removeNotificationListener(NotificationListener listener) throws ListenerNotFoundException {
            super.removeNotificationListener(listener);
            conditional.removeIf(c -> c.listener().equals(listener));
        }

        @Override
        public void removeNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback)
                throws ListenerNotFoundException {
            super.removeNotificationListener(listener, filter, handback);
            conditional.removeIf(c -> c.listener().equals(listener) && c.filter() == filter && c.handback() == handback);
        }

        boolean wanted() {
            if (listened) {
                return true;
            }
            if (conditional.isEmpty()) {
                return false; // most beans: nobody listens, and no iterator is made to find out
            }
            for (Conditional c : conditional) {
                if (c.filter().interested()) {
                    return true;
                }
            }
            return false;
        }
    }

    Emitter(ObjectName name, MBeanNotificationInfo[] infos) {
        this.name = name;
        this.broadcaster = new Broadcaster(infos);
    }

    /**
     * Whether a notification sent now would be wanted: a plain listener was ever added (never reset:
     * a removed one costs at most some unread notifications), or an {@link InterestFilter}'s listener
     * is interested now. Most Process beans have no listener, and the Arbiter bean only the event
     * channel's, which is not interested while nobody subscribes; then an event costs no notification.
     */
    boolean listened() {
        return broadcaster.wanted();
    }

    ObjectName name() {
        return name;
    }

    NotificationBroadcasterSupport broadcaster() {
        return broadcaster;
    }

    void send(Notification n) {
        broadcaster.sendNotification(n);
    }
}
