package io.circus.daemon;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigSource;
import io.circus.runtime.core.ArbiterCore;
import io.circus.stats.ProcessSampler;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link FacadeFactory} gets to start its facade: the arbiter (built, not yet started), the
 * configuration, the components the facades share, and the facades started before it.
 *
 * <p>Threading: read by the factories on the thread that builds the daemon.
 */
public interface DaemonContext {

    /** The arbiter the facade exposes; its watchers start only after every facade has started. */
    ArbiterCore arbiter();

    /** The configuration the daemon was built from. */
    CircusConfig config();

    /** What {@code reloadconfig} re-reads, or null when reloading is refused. */
    ConfigSource configSource();

    /** What crash takeover stopped at start-up, one line per process (empty without takeover). */
    List<String> takenOver();

    /** The one /proc sampler of this daemon, so JMX attributes and the stats stream share its cache. */
    ProcessSampler sampler();

    /** The first facade started before this one that is a {@code type}, e.g. the JMX handle. */
    <T extends Facade> Optional<T> facade(Class<T> type);
}
