package io.circus.console.daemon;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigSource;
import io.circus.console.web.WebConsole;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.Arbiter;
import io.circus.stats.ProcessSampler;
import io.circus.zmq.ZmqFacade;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The facades started beside the arbiter (JMX, ZeroMQ, HTTP), closed in reverse order at exit. */
final class DaemonServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonServices.class);

    private final List<AutoCloseable> started = new ArrayList<>();

    private DaemonServices() {
    }

    /** @param takenOver what crash takeover stopped at start-up, for the Arbiter's TakenOver attribute */
    static DaemonServices start(Arbiter arbiter, ConfigSource source, CircusConfig config, List<String> takenOver) {
        DaemonServices services = new DaemonServices();
        // One /proc sampler for JMX attributes and the stats stream, so they share its cache.
        ProcessSampler sampler = new ProcessSampler();
        try {
            ManagementHandle jmx = CircusManagement.builder(arbiter).configSource(source).settings(config.global())
                    .sampler(sampler).takenOver(takenOver).start();
            services.started.add(jmx);
            // The ZeroMQ facade only talks to the MBeans, and is closed before them.
            ZmqFacade zmq = ZmqFacade.builder(jmx.server(), config.global()).sampler(sampler).start();
            services.started.add(zmq);
            LOG.info("control channel on {}, events on {}", zmq.controlEndpoint(), zmq.pubsubEndpoint());
            if (WebConsole.wanted(config.global())) {
                services.started.add(WebConsole.start(config.global(), jmx.server()));
            }
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
