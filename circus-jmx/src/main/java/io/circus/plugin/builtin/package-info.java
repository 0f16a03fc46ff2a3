/**
 * The built-in plugins, one public class per Circus name ({@code use = circus.plugins.…}, mapped by
 * {@link io.circus.plugin.BuiltInPlugins}): {@link io.circus.plugin.builtin.Flapping},
 * {@link io.circus.plugin.builtin.WatchDog}, {@link io.circus.plugin.builtin.ResourceWatcher},
 * {@link io.circus.plugin.builtin.StatsdEmitter}, {@link io.circus.plugin.builtin.FullStats},
 * {@link io.circus.plugin.builtin.HttpObserver} and {@link io.circus.plugin.builtin.CommandReloader},
 * with the pieces they share: the statsd UDP client, the heartbeat receiver, size and percentage bounds,
 * and executable fingerprints. Each reads Circus's option names and defaults; docs/plugins.md lists them
 * and how they differ from Circus.
 *
 * <p>API: the plugin classes are public so that {@code use} can name them; their helpers are
 * package-private, except the statsd client, the heartbeat receiver and the executable probe.
 *
 * <h2>Threading</h2>
 * Each plugin's callbacks and periodic tasks run on that plugin's own thread (see
 * {@link io.circus.plugin}), so a plugin keeps its state without locks. The exceptions are said on the
 * class: the watchdog's heartbeats arrive on the receiver's own thread, and the statsd client may be
 * shared between threads.
 */
package io.circus.plugin.builtin;
