package io.circus.plugin;

import io.circus.event.Event;

/**
 * A plugin: events in, commands out through the MXBean operations its {@link PluginContext} gives.
 * Named in a configuration by {@code [plugin:NAME] use = com.example.MyPlugin} (a public class with a
 * public no-argument constructor, found on the extension class path), or by a Circus name such as
 * {@code circus.plugins.flapping.Flapping} for a built-in one.
 *
 * <p>Lifecycle: the daemon creates one instance per start, calls {@link #start} once, then
 * {@link #onEvent} for each event, and {@link #stop} once (at removal, reconfiguration, disable or daemon
 * exit). A plugin restarted after a failure is a new instance. A plugin disabled with {@code active =
 * false} (or the MBean's {@code disable}) is never started.
 *
 * <p>Threading: every method is called on the plugin's own thread (never the supervisor's), one call at a
 * time, in order, together with the tasks it scheduled through its context. A method may block; the
 * plugin's events wait meanwhile. A method that throws is logged with the plugin's name and counted; an
 * exception from {@code start} restarts the plugin with back-off.
 */
public interface Plugin {

    /**
     * Reads the options (rejecting bad ones with {@link PluginOptionException}), schedules periodic
     * work, binds what it listens on.
     *
     * <p>Threading: on the plugin's thread, before any other call.
     *
     * @throws Exception when the plugin cannot run; an option error is reported as a configuration error,
     *                   anything else is logged, counted and retried with back-off
     */
    void start(PluginContext context) throws Exception;

    /**
     * One event of the daemon, in sequence order: every watcher event Circus publishes on
     * {@code watcher.NAME.ACTION} ({@link Event#topic()}), with its Circus payload in
     * {@link Event#fields()}, plus the daemon's own ({@code backoff}, {@code state}, ...). Events of
     * {@code plugin:*} pseudo-watchers are not delivered.
     *
     * <p>Threading: on the plugin's thread, after {@link #start} returned.
     */
    default void onEvent(Event event) throws Exception {
    }

    /**
     * Releases what {@link #start} took (sockets, files). Tasks scheduled through the context are
     * cancelled by the daemon and need no cleanup.
     *
     * <p>Threading: on the plugin's thread, last; not called when {@link #start} threw, nor when the
     * thread is abandoned because a callback hung.
     */
    default void stop() throws Exception {
    }
}
