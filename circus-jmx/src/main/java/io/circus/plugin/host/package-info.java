/**
 * Runs the configured plugins inside the daemon: resolves {@code use}, gives each plugin its own thread,
 * feeds it the events, registers its {@code circus:type=Plugin} MBean, restarts it with back-off when it
 * throws or hangs, and follows {@code reloadconfig}. {@link io.circus.plugin.host.PluginHost} is the entry.
 */
package io.circus.plugin.host;
