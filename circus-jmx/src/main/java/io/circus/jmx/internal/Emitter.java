package io.circus.jmx.internal;

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

    /** Remembers whether anyone ever listened, so that a bean nobody follows builds no notification. */
    private static final class Broadcaster extends NotificationBroadcasterSupport {
        private volatile boolean listened;

        Broadcaster(MBeanNotificationInfo[] infos) {
            super(infos);
        }

        @Override
        public void addNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback) {
            super.addNotificationListener(listener, filter, handback);
            listened = true;
        }
    }

    Emitter(ObjectName name, MBeanNotificationInfo[] infos) {
        this.name = name;
        this.broadcaster = new Broadcaster(infos);
    }

    /**
     * Whether a listener was ever added (never reset: a removed listener costs at most some unread
     * notifications). Most Process beans have none, and then their events cost no notification.
     */
    boolean listened() {
        return broadcaster.listened;
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
