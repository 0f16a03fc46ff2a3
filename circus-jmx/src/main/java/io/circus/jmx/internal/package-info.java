/**
 * The MBean implementations behind {@link io.circus.jmx}: the beans, their registry kept equal to
 * the runtime's topology, the notification dispatcher, the remote connector. Internal to circus-jmx:
 * no other module imports it (a test checks); use {@link io.circus.jmx.CircusManagement}.
 *
 * <p>Threading: bean operations run on the JMX caller's thread; topology and events are queued by
 * supervisor-loop listeners and applied by the one {@code EventDispatcher} thread, which alone
 * registers beans and sends notifications.
 */
package io.circus.jmx.internal;
