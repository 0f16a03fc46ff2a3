package io.circus.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The ObjectName scheme, fixed once (renaming later would break every dashboard and alert):
 *
 * <pre>
 * circus:type=Arbiter
 * circus:type=Watcher,name=&lt;watcher&gt;
 * circus:type=Process,watcher=&lt;watcher&gt;,name=&lt;wid&gt;   (the slot: stable across respawns)
 * circus:type=Socket,name=&lt;socket&gt;
 * circus:type=Plugin,name=&lt;plugin&gt;
 * </pre>
 *
 * {@code type} comes first because JConsole groups by the first key and jmx_exporter puts its value
 * in the metric name; instance keys become labels. Watcher names keep their configured case. A
 * value is quoted ({@link ObjectName#quote}) only when it contains a character ObjectName does not
 * allow bare, so the usual names read as typed.
 */
public final class CircusNames {

    public static final String DOMAIN = "circus";
    /** Every bean of ours: {@code circus:*}. */
    public static final ObjectName ALL = name(DOMAIN + ":*");
    public static final ObjectName ARBITER = name(DOMAIN + ":type=Arbiter");
    /** Every watcher bean. */
    public static final ObjectName WATCHERS = name(DOMAIN + ":type=Watcher,*");
    /** Every process bean. */
    public static final ObjectName PROCESSES = name(DOMAIN + ":type=Process,*");
    /** Every socket bean. */
    public static final ObjectName SOCKETS = name(DOMAIN + ":type=Socket,*");
    /** Every plugin bean. */
    public static final ObjectName PLUGINS = name(DOMAIN + ":type=Plugin,*");

    private CircusNames() {
    }

    public static ObjectName watcher(String watcher) {
        return name(DOMAIN + ":type=Watcher,name=" + value(watcher));
    }

    public static ObjectName process(String watcher, int wid) {
        return name(DOMAIN + ":type=Process,watcher=" + value(watcher) + ",name=" + wid);
    }

    /** A pattern matching every process bean of one watcher. */
    public static ObjectName processesOf(String watcher) {
        return name(DOMAIN + ":type=Process,watcher=" + value(watcher) + ",*");
    }

    public static ObjectName socket(String socket) {
        return name(DOMAIN + ":type=Socket,name=" + value(socket));
    }

    public static ObjectName plugin(String plugin) {
        return name(DOMAIN + ":type=Plugin,name=" + value(plugin));
    }

    /** The value as it appears in a name: bare when ObjectName allows it, else quoted. */
    public static String value(String raw) {
        if (raw.isEmpty()) {
            return ObjectName.quote(raw);
        }
        for (int i = 0; i < raw.length(); i++) {
            switch (raw.charAt(i)) {
                case ',', '=', ':', '"', '*', '?', '\n' -> {
                    return ObjectName.quote(raw);
                }
                default -> {
                }
            }
        }
        return raw;
    }

    /** The watcher a watcher or process name refers to, unquoted. */
    public static String watcherOf(ObjectName name) {
        String key = "Watcher".equals(name.getKeyProperty("type")) ? "name" : "watcher";
        return unquoted(name.getKeyProperty(key));
    }

    private static String unquoted(String v) {
        return v != null && v.startsWith("\"") ? ObjectName.unquote(v) : v;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a valid name: " + text + " (" + e.getMessage() + ")");
        }
    }
}
