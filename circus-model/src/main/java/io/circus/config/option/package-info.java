/**
 * API: the watcher option schema. {@link io.circus.config.option.WatcherOptionSchema} describes every
 * watcher option once ({@link io.circus.config.option.WatcherOption}: key, type, default, live or
 * not, compound or not, description); the ini loader, the command layer, circusctl and the JMX
 * views read it instead of keeping their own tables. Conversion of values onto a watcher's
 * configuration is {@link io.circus.config.WatcherOptions}.
 *
 * <p>Threading: everything here is immutable and safe from any thread.
 */
package io.circus.config.option;
