package io.circus.jmx.internal;

import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.jmx.NotificationTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Turns model events into notifications whose user data is a CompositeData (readable by any JMX
 * client), and declares the notification types each kind of bean sends.
 */
final class EventNotifications {

    /** Which events a bean sends. */
    enum Level { ARBITER, WATCHER, PROCESS }

    private EventNotifications() {
    }

    /**
     * One event's message and user data, built at most once however many beans (arbiter, watcher,
     * process) send a notification for it. Confined to the dispatcher thread.
     */
    static final class Content {
        private final Event event;
        private String message;
        private CompositeData data;

        Content(Event event) {
            this.event = event;
        }

        Event event() {
            return event;
        }

        private String message() {
            if (message == null) {
                message = io.circus.jmx.EventText.of(event);
            }
            return message;
        }

        private CompositeData data() {
            if (data == null) {
                data = EventData.of(event);
            }
            return data;
        }
    }

    static Notification of(Content content, ObjectName source) {
        Event event = content.event();
        Notification n = new Notification(NotificationTypes.of(event.type()), source, event.seq(), event.epochMillis(),
                content.message());
        n.setUserData(content.data());
        return n;
    }

    /** The State attribute change a watcher's state event, or a process event, implies. */
    static AttributeChangeNotification stateChange(ObjectName source, Event cause, String from, String to) {
        return new AttributeChangeNotification(source, cause.seq(), cause.epochMillis(),
                "State changed from " + from + " to " + to, "State", String.class.getName(), from, to);
    }

    private static final Map<Level, MBeanNotificationInfo[]> INFOS = new java.util.EnumMap<>(Level.class);

    static {
        for (Level level : Level.values()) {
            INFOS.put(level, build(level));
        }
    }

    /** The notifications a bean of this level emits; one shared array per level (callers must not change it). */
    static MBeanNotificationInfo[] infos(Level level) {
        return INFOS.get(level);
    }

    private static MBeanNotificationInfo[] build(Level level) {
        List<MBeanNotificationInfo> infos = new ArrayList<>();
        for (EventType type : EventType.values()) {
            boolean sent = switch (level) {
                case ARBITER -> true;
                case WATCHER -> type != EventType.CONFIG_RELOADED;
                case PROCESS -> NotificationTypes.processLevel(type);
            };
            if (sent) {
                infos.add(new MBeanNotificationInfo(new String[] {NotificationTypes.of(type)},
                        Notification.class.getName(), describe(type)));
            }
        }
        if (level != Level.ARBITER) {
            infos.add(new MBeanNotificationInfo(new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE},
                    AttributeChangeNotification.class.getName(), "The State attribute changed"));
        }
        return infos.toArray(MBeanNotificationInfo[]::new);
    }

    private static String describe(EventType type) {
        return switch (type) {
            case SPAWN -> "A process was started; user data: pid, wid, time (its start)";
            case REAP -> "A process ended and was reaped; user data: exit_code, cause (commanded, timed_out, exited, crashed, signalled), signal";
            case KILL -> "The daemon sent a stop signal or SIGKILL to a process; user data: signal";
            case START -> "A watcher finished starting";
            case STOP -> "A watcher finished stopping";
            case RELOAD -> "A watcher finished a graceful reload";
            case UPDATED -> "A watcher option was changed at run time; user data: key";
            case ADD -> "A watcher was added at run time";
            case REMOVE -> "A watcher was removed at run time";
            case HOOK_SUCCESS -> "A hook returned, whatever it returned (Circus's hook_success); user data: name (the hook point)";
            case HOOK_FAILURE -> "A hook failed: threw, exited non-zero or timed out (Circus's hook_failure); user data: name, error";
            case SPAWN_FAILED -> "A spawn attempt failed; user data: error, attempt";
            case STATE -> "A watcher changed state; user data: from, to";
            case CONFIG_RELOADED -> "The configuration was re-read; user data: added, removed, restarted, updated";
            case BACKOFF -> "The watcher started respawning with a back-off (a crash loop or a resource shortage), once, not per respawn; user data: wid, reason, delay (seconds), next_retry (epoch seconds)";
            case RECOVERED -> "The watcher left back-off; user data: reason (stable or stopped), respawns";
            case FLAPPING -> "The watcher was judged flapping (source backoff: the core respawns it with a delay; source plugin:NAME: a plugin parked it); user data: source, state (the operator's line), parked, retry_in (seconds, absent when no retry), tries, max_retry, reason";
        };
    }
}
