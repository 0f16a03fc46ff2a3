package io.circus.jmx;

/**
 * One event of the arbiter's recent-event log ({@link ArbiterMXBean#events}), for consoles that poll
 * rather than listen to notifications.
 *
 * @param seq     the event's global sequence number
 * @param time    when it happened, ISO-8601 UTC
 * @param type    Circus's event name: spawn, reap, kill, start, stop, ...
 * @param watcher the watcher, or empty for arbiter events
 * @param wid     the process slot, 0 if none
 * @param pid     the process id, 0 if none
 * @param message one line of English ({@link EventText})
 */
public record EventEntry(long seq, String time, String type, String watcher, int wid, long pid, String message) {
}
