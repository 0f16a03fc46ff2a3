/**
 * The built-in plugins, one public class per Circus name ({@code use = circus.plugins.…}, mapped by
 * {@link io.circus.plugin.BuiltInPlugins}): {@link io.circus.plugin.builtin.Flapping},
 * {@link io.circus.plugin.builtin.WatchDog}, {@link io.circus.plugin.builtin.ResourceWatcher},
 * {@link io.circus.plugin.builtin.StatsdEmitter}, {@link io.circus.plugin.builtin.FullStats},
 * {@link io.circus.plugin.builtin.HttpObserver} and {@link io.circus.plugin.builtin.CommandReloader},
 * with the pieces they share: the statsd UDP client, the heartbeat receiver, size and percentage bounds,
 * and executable fingerprints. Each reads Circus's option names and defaults; docs/plugins.md lists them
 * and how they differ from Circus.
 */
package io.circus.plugin.builtin;
