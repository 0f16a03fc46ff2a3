package io.circus.console.daemon;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigSource;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.Arbiter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The facades started beside the arbiter (JMX, ZeroMQ), closed in reverse order at exit. */
final class DaemonServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonServices.class);

    private final List<AutoCloseable> started = new ArrayList<>();

    private DaemonServices() {
    }

    static DaemonServices start(Arbiter arbiter, ConfigSource source, CircusConfig config) {
        DaemonServices services = new DaemonServices();
        try {
            ManagementHandle jmx = CircusManagement.start(arbiter, source, config.global());
            services.started.add(jmx);
            jmx.serviceUrl().ifPresent(url -> LOG.info("JMX connector listening at {}", url));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    @Override
    public void close() {
        for (AutoCloseable c : started.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", c, e);
            }
        }
    }
}
