package io.circus.jmx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.jmx.InterestFilter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.StandardEmitterMBean;
import org.junit.jupiter.api.Test;

/**
 * Whether a bean's notification is wanted, as its listeners say through a real MBeanServer (which
 * wraps each listener, but passes the filter on as it is).
 */
class EmitterTest {

    /** A bean with nothing but notifications. */
    public interface QuietMBean {
    }

    private final ObjectName name = name("test:type=Quiet");
    private final Emitter emitter = new Emitter(name, EventNotifications.infos(EventNotifications.Level.ARBITER));
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private final NotificationListener listener = (n, handback) -> received.add(n);

    EmitterTest() throws Exception {
        server.registerMBean(new StandardEmitterMBean(new QuietMBean() { }, QuietMBean.class, emitter.broadcaster()), name);
    }

    @Test
    void aListenerThatIsNotInterestedMakesNoNotificationWanted() throws Exception {
        assertFalse(emitter.listened(), "nobody listens");
        AtomicBoolean interested = new AtomicBoolean();
        InterestFilter filter = interested::get;
        server.addNotificationListener(name, listener, filter, null);
        assertFalse(emitter.listened(), "its only listener wants nothing now");
        interested.set(true);
        assertTrue(emitter.listened(), "asked again before each notification");
        emitter.send(new Notification("circus.test", name, 1));
        assertEquals(1, received.size(), "delivered while interested");
        server.removeNotificationListener(name, listener);
        assertFalse(emitter.listened(), "a removed conditional listener is forgotten");
    }

    @Test
    void aPlainListenerWantsEverythingFromTheStart() throws Exception {
        AtomicBoolean interested = new AtomicBoolean();
        InterestFilter filter = interested::get;
        server.addNotificationListener(name, listener, filter, null);
        server.addNotificationListener(name, (n, h) -> { }, null, null);
        assertTrue(emitter.listened(), "a listener without an InterestFilter");
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
