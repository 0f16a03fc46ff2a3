package io.circus.jmx;

import io.circus.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/** Collects the notifications a JMX client receives, for assertions. */
final class NotificationLog implements NotificationListener {

    private final List<Notification> received = new ArrayList<>();

    @Override
    public synchronized void handleNotification(Notification n, Object handback) {
        received.add(n);
    }

    synchronized List<Notification> all() {
        return List.copyOf(received);
    }

    Notification await(String what, Predicate<Notification> match) {
        return Await.value(what, () -> all().stream().filter(match).findFirst().orElse(null));
    }

    Notification await(String type, Predicate<CompositeData> data, String what) {
        return await(what, n -> n.getType().equals(type) && n.getUserData() instanceof CompositeData cd && data.test(cd));
    }
}
