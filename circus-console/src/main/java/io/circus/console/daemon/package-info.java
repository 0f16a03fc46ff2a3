/**
 * {@code circusd}: the launcher that loads the configuration, starts the arbiter and its facades
 * (JMX, ZeroMQ, the web console), handles signals, the pid file and {@code --daemon}. Internal to
 * circus-console; the entry point is {@code CircusDaemon.main}.
 *
 * <p>Threading: the main thread builds and starts everything, then waits for the arbiter to
 * terminate; signal handlers only ask the arbiter to quit or reload.
 */
package io.circus.console.daemon;
