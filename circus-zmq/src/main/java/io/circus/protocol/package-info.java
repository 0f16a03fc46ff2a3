/**
 * The Circus protocol, transport-free: a {@link io.circus.protocol.Request} in, a reply in Circus's
 * shape out ({@link io.circus.protocol.Replies}). The {@link io.circus.protocol.Dispatcher} looks the
 * command up and runs it as one call onto the MBean interfaces of {@link io.circus.jmx}, through
 * {@link io.circus.protocol.Beans} over any {@link javax.management.MBeanServerConnection}, and maps
 * each error's kind onto Circus's errno and reason. {@link io.circus.protocol.WireJson},
 * {@link io.circus.protocol.PythonRepr} and {@link io.circus.protocol.PythonJson} write JSON and
 * Python text byte for byte as Circus does. Used by the ZeroMQ control channel
 * ({@code io.circus.zmq.control}) and by circusctl's JMX transport. API.
 *
 * <p>Threading: stateless apart from the command table filled at construction; a
 * {@code Dispatcher} may handle requests on any number of threads at once. A waiting command blocks
 * the calling thread until the runtime has done the work.
 */
package io.circus.protocol;
