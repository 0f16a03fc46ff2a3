package io.circus.jmx;

import io.circus.event.EventType;
import java.util.Locale;

/**
 * Notification type strings. Each model event becomes {@code circus.watcher.<event>} (Circus's topic
 * {@code watcher.<name>.<event>} without the name, which is in the user data), and arbiter-level
 * events {@code circus.arbiter.<event>}. State changes are also sent as the standard
 * {@link javax.management.AttributeChangeNotification} on {@code State}.
 *
 * <p>User data is a CompositeData with {@code seq} (the event's global sequence number, also the
 * notification's sequence number), {@code type}, {@code topic}, {@code watcher}, {@code wid},
 * {@code pid}, {@code time} (epoch seconds, as Circus), {@code timeMillis}, and the event's own fields:
 * {@code exit_code}, {@code cause}, {@code signal} (reap); {@code signal} (kill); {@code from},
 * {@code to} (state); {@code error}, {@code attempt} (spawn_failed); {@code added}, {@code removed},
 * {@code restarted}, {@code updated} (config_reloaded); {@code key} (updated); {@code reason},
 * {@code delay}, {@code next_retry} (backoff); {@code reason}, {@code respawns} (recovered).
 */
public final class NotificationTypes {

    public static final String PREFIX = "circus.";
    public static final String SPAWN = of(EventType.SPAWN);
    public static final String REAP = of(EventType.REAP);
    public static final String KILL = of(EventType.KILL);
    public static final String START = of(EventType.START);
    public static final String STOP = of(EventType.STOP);
    public static final String RELOAD = of(EventType.RELOAD);
    public static final String UPDATED = of(EventType.UPDATED);
    public static final String ADD = of(EventType.ADD);
    public static final String REMOVE = of(EventType.REMOVE);
    public static final String HOOK_SUCCESS = of(EventType.HOOK_SUCCESS);
    public static final String HOOK_FAILURE = of(EventType.HOOK_FAILURE);
    public static final String SPAWN_FAILED = of(EventType.SPAWN_FAILED);
    public static final String STATE = of(EventType.STATE);
    public static final String CONFIG_RELOADED = of(EventType.CONFIG_RELOADED);
    public static final String BACKOFF = of(EventType.BACKOFF);
    public static final String RECOVERED = of(EventType.RECOVERED);
    public static final String FLAPPING = of(EventType.FLAPPING);

    private NotificationTypes() {
    }

    /** The notification type of an event type (built once per type: every event asks). */
    public static String of(EventType type) {
        return ByType.NAMES[type.ordinal()];
    }

    /** A holder, so that the constants above may call {@link #of} while this class initializes. */
    private static final class ByType {
        static final String[] NAMES = new String[EventType.values().length];

        static {
            for (EventType type : EventType.values()) {
                String scope = type == EventType.CONFIG_RELOADED ? "arbiter." : "watcher.";
                NAMES[type.ordinal()] = PREFIX + scope + type.name().toLowerCase(Locale.ROOT);
            }
        }
    }

    /** Whether events of this type concern one process (and so are also sent by its Process bean). */
    public static boolean processLevel(EventType type) {
        return switch (type) {
            case SPAWN, REAP, KILL, SPAWN_FAILED -> true;
            default -> false;
        };
    }
}
