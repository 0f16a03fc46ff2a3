package io.circus.console.web;

import com.sun.net.httpserver.HttpHandler;
import java.util.Map;
import org.jolokia.core.api.LogHandler;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.jvmagent.handler.JolokiaHttpHandler;
import org.jolokia.server.core.config.Configuration;
import org.jolokia.server.core.restrictor.RestrictorFactory;
import org.jolokia.server.core.service.JolokiaServiceManagerFactory;
import org.jolokia.server.core.service.api.JolokiaServiceManager;
import org.jolokia.server.core.service.impl.ClasspathServiceCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jolokia's agent core (the same pieces its JVM agent assembles) without its own HTTP server: we
 * mount its handler beside the page, with our authenticator and filters on the context. It serves
 * the platform MBeanServer, where the Circus beans live.
 */
final class JolokiaBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaBridge.class);

    private final JolokiaServiceManager services;
    private final HttpHandler handler;

    JolokiaBridge() {
        // No discovery (it multicasts), no stack traces to the browser, no history store.
        Configuration config = new JolokiaServerConfig(Map.of("agentContext", "/jolokia", "discoveryEnabled", "false",
                "includeStackTrace", "false", "historyMaxEntries", "0", "debug", "false")).getJolokiaConfig();
        LogHandler log = new Slf4jLog();
        services = JolokiaServiceManagerFactory.createJolokiaServiceManager(config, log,
                RestrictorFactory.createRestrictor(config, log), null);
        services.addServices(new ClasspathServiceCreator(JolokiaBridge.class.getClassLoader(), "services"));
        handler = new JolokiaHttpHandler(services.start());
    }

    HttpHandler handler() {
        return handler;
    }

    @Override
    public void close() {
        services.stop();
    }

    /** Jolokia's log lines, into ours. */
    private static final class Slf4jLog implements LogHandler {
        @Override public void debug(String message) { LOG.debug("jolokia: {}", message); }
        @Override public void info(String message) { LOG.debug("jolokia: {}", message); }
        @Override public void error(String message, Throwable t) { LOG.warn("jolokia: {}", message, t); }
        @Override public boolean isDebug() { return LOG.isDebugEnabled(); }
    }
}
