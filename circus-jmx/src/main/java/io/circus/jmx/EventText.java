package io.circus.jmx;

import io.circus.event.Event;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of English for an event, for people: the message of every notification and the
 * {@code message} of {@link EventEntry}. Machines read the notification's user data instead.
 */
public final class EventText {

    private EventText() {
    }

    public static String of(Event e) {
        String who = e.watcher() == null ? "arbiter" : e.watcher();
        String proc = who + (e.wid() != 0 ? " wid " + e.wid() : "") + (e.pid() != 0 ? " (pid " + e.pid() + ")" : "");
        Map<String, Object> f = e.fields();
        return switch (e.type()) {
            case SPAWN -> proc + " started";
            case REAP -> proc + " exited: " + f.getOrDefault("cause", "unknown cause")
                    + (f.get("exit_code") != null ? ", exit code " + f.get("exit_code") : "")
                    + (f.get("signal") != null ? ", signal " + f.get("signal") : "");
            case KILL -> proc + " sent signal " + f.getOrDefault("signal", "?");
            case START -> who + " started";
            case STOP -> who + " stopped";
            case RELOAD -> who + " reloaded";
            case UPDATED -> who + " options changed" + rest(f);
            case ADD -> who + " added";
            case REMOVE -> who + " removed";
            case HOOK_SUCCESS -> who + " hook " + f.getOrDefault("name", "?") + " returned";
            case HOOK_FAILURE -> who + " hook " + f.getOrDefault("name", "?") + " failed: " + f.getOrDefault("error", "?");
            case SPAWN_FAILED -> proc + " failed to start" + (f.get("error") != null ? ": " + f.get("error") : rest(f));
            case STATE -> who + " is " + f.getOrDefault("to", "?") + " (was " + f.getOrDefault("from", "?") + ")";
            case CONFIG_RELOADED -> "configuration reloaded" + rest(f);
            case BACKOFF -> who + " is backing off: " + f.getOrDefault("reason", "?") + ", next respawn in "
                    + f.getOrDefault("delay", "?") + " s";
            case RECOVERED -> who + " left back-off (" + f.getOrDefault("reason", "?") + ") after "
                    + f.getOrDefault("respawns", "?") + " delayed respawns";
            case FLAPPING -> who + " is flapping: " + f.getOrDefault("state", "?");
        };
    }

    private static String rest(Map<String, Object> fields) {
        Map<String, Object> shown = new TreeMap<>(fields);
        shown.remove("time");
        return shown.isEmpty() ? "" : " " + shown;
    }
}
