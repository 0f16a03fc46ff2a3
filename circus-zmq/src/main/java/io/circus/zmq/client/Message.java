package io.circus.zmq.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message of the event channel ({@code watcher.<name>.<event>} with Circus's payload plus
 * {@code seq}) or of the stats stream ({@code stat.<watcher>[.<pid>]}).
 *
 * @param topic   the first frame
 * @param payload the second frame, parsed
 */
public record Message(String topic, JsonNode payload) {

    /** The event name for {@code watcher.<name>.<event>} topics (the last part), else null. */
    public String event() {
        if (!topic.startsWith("watcher.") && !topic.startsWith("circus.")) {
            return null;
        }
        return topic.substring(topic.lastIndexOf('.') + 1);
    }

    /**
     * The watcher named in the topic: {@code watcher.<name>.<event>} (a name may contain dots) or
     * {@code stat.<watcher>[.<pid>]}; null otherwise.
     */
    public String watcher() {
        String t = topic.startsWith("circus.") ? topic.substring("circus.".length()) : topic;
        if (t.startsWith("watcher.")) {
            int last = t.lastIndexOf('.');
            return last > "watcher.".length() ? t.substring("watcher.".length(), last) : null;
        }
        if (t.startsWith("stat.")) {
            String[] parts = t.split("\\.");
            return parts.length >= 2 ? parts[1] : null;
        }
        return null;
    }

    /** The event's global sequence number, or -1 when it has none (stats). */
    public long seq() {
        return payload.path("seq").asLong(-1);
    }
}
