/**
 * The configuration model: immutable records of a whole validated configuration
 * ({@link io.circus.config.CircusConfig}, {@link io.circus.config.GlobalSettings},
 * {@link io.circus.config.WatcherConfig}, sockets, plugins, streams), the Circus ini loader's entry
 * point ({@link io.circus.config.ConfigLoader}) and the watcher option conversions shared by the
 * loader and {@code set}. API.
 *
 * <p>Threading: every record is immutable and safe to share; the loader and the conversions are
 * stateless and may run on any thread.
 */
package io.circus.config;
