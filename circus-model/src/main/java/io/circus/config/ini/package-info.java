/**
 * The Circus ini reader behind {@link io.circus.config.ConfigLoader}: lexing, includes,
 * {@code $(circus.env.X)} substitution and one reader per section kind, with spelling advice for
 * unknown keys. Internal to circus-model (public only for the loader's package); other modules use
 * {@link io.circus.config.ConfigLoader}.
 *
 * <p>Threading: one load runs on one thread; nothing is shared between loads.
 */
package io.circus.config.ini;
