/**
 * The event channel: the publisher of Circus's {@code watcher.<name>.<event>} topics, fed from
 * the Arbiter bean's notifications, and the topic/payload format shared with circusctl's JMX
 * {@code listen}. API: {@link io.circus.zmq.events.EventFormat}; the rest is used by the facade.
 *
 * <p>Threading: notifications are queued by the JMX dispatcher thread; one publisher thread owns
 * the PUB socket and sends them in order.
 */
package io.circus.zmq.events;
