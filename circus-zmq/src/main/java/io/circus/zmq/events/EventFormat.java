package io.circus.zmq.events;

import io.circus.protocol.WireJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.openmbean.CompositeData;

/**
 * Turns the user data of a Circus notification (see {@code io.circus.jmx.NotificationTypes}) into
 * the two frames Circus publishes: the topic {@code watcher.<name>.<event>} and a JSON payload with
 * Circus's fields ({@code process_pid}, {@code time}, {@code exit_code}) plus {@code seq}, the
 * daemon's global event sequence number, so a subscriber can see that it missed events.
 *
 * <p>Circus's event names keep Circus's topics, with the watcher name lower-cased and spaces
 * replaced by {@code _} as circusd does. Our own event types ({@code state}, {@code spawn_failed},
 * {@code config_reloaded}) are published under {@code circus.watcher.<name>.<event>} and
 * {@code circus.arbiter.<event>}: a Circus plugin subscribed to {@code watcher.} never sees a name it
 * does not know. The exception is {@code flapping}, which Circus lacks but names as it would: it goes out
 * on {@code watcher.<name>.flapping}, so a Circus subscriber to {@code watcher.} is told.
 */
public final class EventFormat {

    /** The events circusd 0.19 publishes. */
    static final Set<String> CIRCUS_EVENTS = Set.of("spawn", "reap", "kill", "stop", "start", "reload", "updated",
            "add", "remove", "hook_success", "hook_failure");
    /** Items every notification carries, which the topic or Circus's own fields already express. */
    private static final Set<String> ENVELOPE = Set.of("seq", "type", "topic", "watcher", "timeMillis", "time", "wid",
            "pid");

    /** One message for the PUB socket. */
    public record Published(String topic, byte[] payload, long seq) {
    }

    private EventFormat() {
    }

    /** The message for a notification's user data, or null when it is not a Circus event. */
    public static Published of(CompositeData data) {
        String topic = topic(data);
        return topic == null ? null : of(data, topic);
    }

    /** The message for user data whose {@link #topic} the caller has already worked out. */
    public static Published of(CompositeData data, String topic) {
        return new Published(topic, WireJson.encode(payload(data)), number(data, "seq"));
    }

    /**
     * The topic a notification's user data is published under, or null when it is not a Circus
     * event: cheap, so a publisher can ask whether anyone subscribes before building the payload.
     */
    public static String topic(CompositeData data) {
        String type = text(data, "type");
        if (type == null) {
            return null;
        }
        String watcher = text(data, "watcher");
        String scope = watcher == null ? "arbiter." : "watcher." + topicName(watcher) + ".";
        boolean circusTopic = CIRCUS_EVENTS.contains(type) || type.equals("flapping");
        return (circusTopic ? "" : "circus.") + scope + type;
    }

    private static Map<String, Object> payload(CompositeData data) {
        String type = text(data, "type");
        boolean circus = CIRCUS_EVENTS.contains(type);
        Map<String, Object> payload = new LinkedHashMap<>();
        switch (type) {
            case "spawn", "kill" -> {
                payload.put("process_pid", number(data, "pid"));
                payload.put("time", value(data, "time"));
            }
            case "reap" -> {
                payload.put("process_pid", number(data, "pid"));
                payload.put("time", value(data, "time"));
                payload.put("exit_code", value(data, "exit_code"));
                payload.put("cause", value(data, "cause"));
            }
            case "hook_success", "hook_failure" -> {
                payload.put("name", value(data, "name"));
                payload.put("time", value(data, "time"));
                if (data.containsKey("error")) {
                    payload.put("error", value(data, "error"));
                }
            }
            case "updated" -> {
                payload.put("time", value(data, "time"));
                if (data.containsKey("key")) {
                    payload.put("key", value(data, "key"));
                }
            }
            default -> {
                payload.put("time", value(data, "time"));
                if (!circus) {
                    extras(data, payload);
                }
            }
        }
        payload.put("seq", number(data, "seq"));
        return payload;
    }

    /** circusd's {@code watcher.name.lower().replace(" ", "_")}. */
    public static String topicName(String watcher) {
        return watcher.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static void extras(CompositeData data, Map<String, Object> payload) {
        long wid = number(data, "wid");
        long pid = number(data, "pid");
        if (wid != 0) {
            payload.put("wid", wid);
        }
        if (pid != 0) {
            payload.put("process_pid", pid);
        }
        for (String key : data.getCompositeType().keySet()) {
            if (!ENVELOPE.contains(key)) {
                payload.put(key, value(data, key));
            }
        }
    }

    private static Object value(CompositeData data, String key) {
        if (!data.containsKey(key)) {
            return null;
        }
        Object v = data.get(key);
        return v instanceof String[] a ? Arrays.asList(a) : v;
    }

    private static String text(CompositeData data, String key) {
        return data.containsKey(key) && data.get(key) instanceof String s ? s : null;
    }

    private static long number(CompositeData data, String key) {
        return data.containsKey(key) && data.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
