package io.circus.console.daemon;

import io.circus.config.CircusConfig;
import io.circus.console.web.WebConsole;
import io.circus.daemon.FacadeFactory;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.zmq.ZmqFacade;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facades circusd starts beside the arbiter, in order: JMX, ZeroMQ (which only talks to the
 * MBeans, so it starts after them and is closed before them), and HTTP when asked for. The
 * {@link io.circus.daemon.EmbeddedDaemon} starts them and closes them in reverse order at exit.
 */
final class DaemonServices {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonServices.class);

    private DaemonServices() {
    }

    static List<FacadeFactory<?>> facades(CircusConfig config) {
        List<FacadeFactory<?>> facades = new ArrayList<>();
        facades.add(CircusManagement.facade());
        facades.add(context -> {
            ZmqFacade zmq = ZmqFacade.facade().start(context);
            LOG.info("control channel on {}, events on {}", zmq.controlEndpoint(), zmq.pubsubEndpoint());
            return zmq;
        });
        if (WebConsole.wanted(config.global())) {
            facades.add(context -> WebConsole.start(context.config().global(),
                    context.facade(ManagementHandle.class).orElseThrow().server()));
        }
        return facades;
    }
}
