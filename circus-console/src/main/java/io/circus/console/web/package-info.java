/**
 * The web console and the HTTP metrics endpoint: one JDK HTTP server ({@code com.sun.net.httpserver})
 * with the page's static files at {@code /}, Jolokia's JMX-over-HTTP handler at {@code /jolokia} and
 * Prometheus's exposition handler at {@code /metrics}. The page only calls MBean operations through
 * Jolokia, so it is one more facade over the same operations as JMX, ZeroMQ and circusctl.
 *
 * <p>Security: loopback binds by default; any other bind needs {@code httpd_password_file} (HTTP
 * Basic), and cross-origin requests are refused so that another site open in the operator's browser
 * cannot drive the console. See docs/web.md.
 *
 * <p>Internal to circus-console; started by circusd.
 *
 * <p>Threading: the server runs its handlers on a small pool of its own, never on the supervisor
 * loop; every handler only reads or invokes MBeans.
 */
package io.circus.console.web;
