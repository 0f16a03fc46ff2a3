/**
 * Prometheus metrics over the Circus MBeans: typed, snake_case, units in the names, labels
 * {@code watcher} and {@code wid}. Read from the MBeans at each scrape, so Prometheus is one more
 * facade over the same attributes JConsole and the web console read. Names are listed in
 * docs/monitoring.md.
 *
 * <p>API: the collector registered by the web console.
 *
 * <p>Threading: called on the scraping HTTP thread; concurrent scrapes share nothing.
 */
package io.circus.jmx.metrics;
