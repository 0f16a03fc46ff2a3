package io.circus.jmx.internal;

import io.circus.config.ConfigSource;
import io.circus.config.GlobalSettings;
import io.circus.jmx.SocketInfo;
import io.circus.runtime.Arbiter;
import io.circus.stats.ProcessSampler;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.net.ssl.SSLContext;

/**
 * What {@link io.circus.jmx.CircusManagement.Builder} collected, defaults applied except where null
 * has a meaning.
 *
 * @param source     what reloadConfig re-reads, or null when it is refused
 * @param sockets    the sockets to expose, or null for the configured ones
 * @param sslContext the TLS context for jmx_ssl, or null for the JVM default
 * @param takenOver  what crash takeover stopped at start-up, one line per process
 */
public record AgentSettings(Arbiter arbiter, ConfigSource source, GlobalSettings global, MBeanServer server,
                            Supplier<List<SocketInfo>> sockets, String version, Duration operationTimeout,
                            ProcessSampler sampler, SSLContext sslContext, List<String> takenOver) {

    public AgentSettings {
        takenOver = takenOver == null ? List.of() : List.copyOf(takenOver);
    }
}
