/**
 * The monotonic clock ({@link io.circus.time.Ticker}) behind every timeout, delay and back-off,
 * injectable so tests can drive time. API.
 *
 * <p>Threading: a ticker may be read from any thread.
 */
package io.circus.time;
