package io.circus.plugin;

/**
 * What a plugin did about a watcher, for its counters ({@code Restarts}, {@code Stops} on the Plugin
 * MBean) and the notification {@code circus.plugin.acted} sent each time.
 */
public enum PluginAction {
    /** Restarted a watcher's processes. */
    RESTART,
    /** Stopped a watcher (Flapping parking it, for example). */
    STOP,
    /** Started a watcher again (Flapping's retry). */
    START,
    /** Sent a signal to processes without stopping them. */
    SIGNAL,
    /** Stopped processes with the kill sequence (WatchDog). */
    KILL,
    /** Reported something without commanding anything (a statsd alert, a log line). */
    REPORT
}
