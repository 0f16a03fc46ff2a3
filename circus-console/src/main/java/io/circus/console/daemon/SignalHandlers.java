package io.circus.console.daemon;

import io.circus.config.ConfigException;
import io.circus.config.ConfigSource;
import io.circus.runtime.Arbiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * circusd's own signals: TERM and INT stop every watcher and exit; HUP re-reads the configuration.
 * QUIT stays the JVM's (a thread dump), see docs/compatibility.md. Handlers run on the JVM's signal
 * thread and only start asynchronous operations.
 */
final class SignalHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(SignalHandlers.class);

    private SignalHandlers() {
    }

    static void install(Arbiter arbiter, ConfigSource source) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> {
                LOG.info("received SIG{}, stopping", name);
                arbiter.quit();
            });
        }
        Signal.handle(new Signal("HUP"), s -> {
            LOG.info("received SIGHUP, reloading the configuration");
            try {
                arbiter.reloadConfig(source.load()).whenComplete((diff, e) -> {
                    if (e != null) {
                        LOG.error("reloadconfig failed: {}", e.getMessage());
                    }
                });
            } catch (ConfigException e) {
                LOG.error("reloadconfig refused, nothing changed: {}", e.getMessage());
            }
        });
    }
}
