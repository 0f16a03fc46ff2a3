/**
 * Runs the configured plugins inside the daemon: resolves {@code use}, gives each plugin its own thread,
 * feeds it the events, registers its {@code circus:type=Plugin} MBean, restarts it with back-off when it
 * throws or hangs, and follows {@code reloadconfig}. {@link io.circus.plugin.host.PluginHost} is the entry;
 * the rest is internal to this package.
 *
 * <h2>Threading</h2>
 * One host thread ({@code circus-plugin-host}) reconciles after reloadconfig and checks every 250 ms for
 * hung callbacks and due restarts; each plugin runs on its own thread ({@code circus-plugin-NAME}); the
 * supervisor's event thread only queues events to them ({@link io.circus.plugin.host.PluginHost#onEvent})
 * and never waits. A runner's lifecycle is guarded by its own lock, never held while waiting.
 */
package io.circus.plugin.host;
