package io.circus.jmx;

import javax.management.Notification;
import javax.management.NotificationFilter;

/**
 * A notification filter that can say, before a notification is built, that its listener wants none
 * right now: a Circus bean whose every listener says so builds no notification at all. The ZeroMQ
 * event channel uses it while it has no subscriber: otherwise each of a stop's 20,000 events would
 * build its user data only to be dropped.
 *
 * <p>For in-process listeners. A bean counts any other listener (one with a plain filter or none,
 * and every remote one) as wanting everything from the moment it is added.
 *
 * <p>Threading: {@link #interested} is called on the thread that sends the bean's notifications
 * (the JMX dispatcher) before each one, and must be quick and never block.
 */
public interface InterestFilter extends NotificationFilter {

    /** Whether the listener wants notifications now; when false, none is built for it. */
    boolean interested();

    /** Every notification sent while {@link #interested} is accepted. */
    @Override
    default boolean isNotificationEnabled(Notification notification) {
        return true;
    }
}
