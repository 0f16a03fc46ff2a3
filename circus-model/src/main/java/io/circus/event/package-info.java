/**
 * The runtime's events (Circus's pub/sub topics): {@link io.circus.event.Event},
 * its {@link io.circus.event.EventType}, the exit cause, and the listener interface. API.
 *
 * <p>Threading: events are immutable. {@link io.circus.event.EventListener}s are called on the
 * supervisor loop and must only queue (the facades hand events to a thread of their own).
 */
package io.circus.event;
