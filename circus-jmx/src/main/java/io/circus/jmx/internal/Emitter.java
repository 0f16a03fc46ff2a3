package io.circus.jmx.internal;

import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * A bean's notification side: its listeners and its name as the notification source.
 *
 * <p>Threading: {@link #send} is called only by the dispatcher thread, which delivers to local
 * listeners synchronously (in order); remote listeners are served from the connector's buffer.
 */
final class Emitter {

    private final ObjectName name;
    private final NotificationBroadcasterSupport broadcaster;

    Emitter(ObjectName name, MBeanNotificationInfo[] infos) {
        this.name = name;
        this.broadcaster = new NotificationBroadcasterSupport(infos);
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
