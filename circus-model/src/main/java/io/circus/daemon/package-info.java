/**
 * The embeddable daemon (public API): {@link io.circus.daemon.EmbeddedDaemon} assembles crash
 * takeover, the arbiter and its management facades in circusd's order and closes them in reverse.
 * The facades plug in through a small SPI ({@link io.circus.daemon.FacadeFactory},
 * {@link io.circus.daemon.Facade}, {@link io.circus.daemon.DaemonContext}) that circus-jmx and
 * circus-zmq implement, so this module knows neither JMX nor ZeroMQ.
 *
 * <p>Threading: a daemon is built, started and closed from one thread; the factories run on it.
 */
package io.circus.daemon;
