/**
 * The plugin API: what a plugin implements ({@link io.circus.plugin.Plugin}), what the daemon gives it
 * ({@link io.circus.plugin.PluginContext}), its typed {@code [plugin:NAME]} options
 * ({@link io.circus.plugin.PluginOptions}) and the {@code use = circus.plugins.X} names of the built-in
 * plugins ({@link io.circus.plugin.BuiltInPlugins}).
 *
 * <p>Circus runs each plugin as a separate Python process talking ZeroMQ; here a plugin runs inside the
 * daemon, on a thread of its own, and acts through the same MXBean operations that JMX clients, the
 * ZeroMQ channel and {@code circusctl} use. Every plugin is itself an MBean,
 * {@code circus:type=Plugin,name=NAME}.
 *
 * <h2>Threading</h2>
 * Each plugin has exactly one thread of its own. Every callback ({@link io.circus.plugin.Plugin#start},
 * {@link io.circus.plugin.Plugin#onEvent}, {@link io.circus.plugin.Plugin#stop}) and every task it
 * schedules through its context runs on that thread, one at a time, in order: a plugin needs no locks for
 * its own state. None of them ever runs on the supervisor's event thread, so a plugin may block (an HTTP
 * request, a {@code waiting} MBean operation); while it blocks, its own events queue up (bounded: the
 * oldest are dropped and counted) and no other plugin or watcher waits for it. A callback that throws is
 * logged with the plugin's name and counted; one that stays blocked past the hang limit has its thread
 * abandoned and the plugin restarted with back-off.
 */
package io.circus.plugin;
