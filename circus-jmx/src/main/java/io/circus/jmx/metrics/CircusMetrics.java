package io.circus.jmx.metrics;

import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import javax.management.MBeanServerConnection;

/**
 * The entry point: a Prometheus registry holding the Circus collector, and the exposition handler
 * (text, OpenMetrics or protobuf as the scraper asks) to mount on a JDK HTTP server at {@code /metrics}.
 */
public final class CircusMetrics {

    private CircusMetrics() {
    }

    /** A registry with only the Circus metrics (no JVM metrics: those belong to the JVM's own exporters). */
    public static PrometheusRegistry registry(MBeanServerConnection server) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new MBeanCollector(server));
        return registry;
    }

    /** The handler serving {@link #registry}; safe to call from the HTTP server's threads. */
    public static HttpHandler handler(MBeanServerConnection server) {
        return new MetricsHandler(registry(server));
    }
}
