package io.circus.plugin.host;

import io.circus.plugin.PluginAction;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The notification side of one Plugin MBean: {@code circus.plugin.acted} and {@code circus.plugin.failed}.
 *
 * <p>Threading: called from the plugin's thread and the host's; {@link NotificationBroadcasterSupport}
 * delivers to local listeners on the caller's thread, so listeners must be quick (JMX's remote connector
 * only buffers).
 */
final class PluginNotifier {

    static final String ACTED = "circus.plugin.acted";
    static final String FAILED = "circus.plugin.failed";
    private static final String[] ITEMS = {"plugin", "watcher", "action", "message"};
    private static final CompositeType TYPE = type();

    private final ObjectName source;
    private final String plugin;
    private final AtomicLong seq = new AtomicLong();
    private final NotificationBroadcasterSupport broadcaster = new NotificationBroadcasterSupport(new MBeanNotificationInfo[]{
        new MBeanNotificationInfo(new String[]{ACTED}, Notification.class.getName(),
                "The plugin acted on a watcher (restart, stop, start, signal, kill, report); user data: plugin, watcher, action, message"),
        new MBeanNotificationInfo(new String[]{FAILED}, Notification.class.getName(),
                "A callback of the plugin threw or hung; it is counted and the plugin may be restarted with back-off")});

    PluginNotifier(ObjectName source, String plugin) {
        this.source = source;
        this.plugin = plugin;
    }

    NotificationBroadcasterSupport broadcaster() {
        return broadcaster;
    }

    void acted(String watcher, PluginAction action, String message) {
        send(ACTED, watcher, action.name().toLowerCase(Locale.ROOT), message);
    }

    void failed(String message) {
        send(FAILED, null, "failed", message);
    }

    private void send(String type, String watcher, String action, String message) {
        Notification n = new Notification(type, source, seq.incrementAndGet(), System.currentTimeMillis(),
                "[plugin:" + plugin + "] " + (watcher != null ? watcher + ": " : "") + message);
        try {
            n.setUserData(new CompositeDataSupport(TYPE, ITEMS,
                    new Object[]{plugin, watcher == null ? "" : watcher, action, message}));
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        broadcaster.sendNotification(n);
    }

    private static CompositeType type() {
        try {
            return new CompositeType("PluginAction", "What a plugin did", ITEMS,
                    new String[]{"plugin name", "watcher concerned, empty if none", "what was done", "why"},
                    new OpenType<?>[]{SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
