package io.circus.event;

import java.util.Map;

/**
 * One thing that happened in the daemon. Every event carries a global, strictly increasing
 * sequence number, so a consumer that missed some (a slow JMX listener, a ZeroMQ subscriber past
 * its high-water mark) can tell, and re-read the state from attributes.
 *
 * @param seq         global sequence number, from 1
 * @param type        what happened
 * @param watcher     the watcher concerned, or null for arbiter-level events
 * @param wid         the process slot (Circus's wid), or 0
 * @param pid         the process id, or 0
 * @param epochMillis wall-clock time, for display and Circus's {@code time} field
 * @param fields      event-specific data (e.g. {@code exit_code}, {@code cause}, {@code from}, {@code to})
 */
public record Event(long seq, EventType type, String watcher, int wid, long pid, long epochMillis,
                    Map<String, Object> fields) {

    public Event {
        fields = Map.copyOf(fields);
    }

    /** Circus's topic: {@code watcher.<name>.<event>}, or {@code arbiter.<event>}. */
    public String topic() {
        return watcher == null ? "arbiter." + type.circusName() : "watcher." + watcher + "." + type.circusName();
    }

    @Override
    public String toString() {
        return "#" + seq + " " + topic() + (pid != 0 ? " pid=" + pid : "") + (wid != 0 ? " wid=" + wid : "")
                + (fields.isEmpty() ? "" : " " + fields);
    }
}
