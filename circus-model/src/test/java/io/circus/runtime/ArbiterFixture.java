package io.circus.runtime;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.config.ConfigLoader;
import io.circus.config.WatcherConfig;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.process.ProcessLauncher;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Await;
import io.circus.testing.Daemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An arbiter over real processes for one test: an {@link EmbeddedDaemon} without facades, recording
 * every event. Built from watchers, a configuration or an ini file ({@link #ini}); not started until
 * {@link #started()} or the test's own {@code arbiter.start()}. {@link #close()} stops everything it started.
 */
public final class ArbiterFixture implements AutoCloseable {

    public final EventLog events = new EventLog();
    public final ArbiterCore arbiter;
    private final EmbeddedDaemon daemon;

    public ArbiterFixture(ProcessLauncher launcher, WatcherConfig... watchers) {
        this(launcher, CircusConfig.of(List.of(watchers)));
    }

    public ArbiterFixture(ProcessLauncher launcher, CircusConfig config) {
        this(EmbeddedDaemon.builder(config).launcher(launcher));
    }

    /** On the machine's best launcher, which the arbiter creates and owns. */
    public ArbiterFixture(CircusConfig config) {
        this(EmbeddedDaemon.builder(config));
    }

    private ArbiterFixture(EmbeddedDaemon.Builder builder) {
        this.daemon = builder.listener(events).closeTimeout(Duration.ofSeconds(60)).build();
        this.arbiter = daemon.arbiter();
    }

    /**
     * The configuration of {@code circus.ini}, written into {@code dir} from these lines and loaded the
     * way circusd loads a file (includes, extension path, hooks resolved).
     */
    public static CircusConfig ini(Path dir, List<String> lines) throws IOException, ConfigException {
        Path ini = dir.resolve("circus.ini");
        Files.write(ini, lines);
        return ConfigLoader.load(ini);
    }

    public ArbiterFixture started() {
        join(daemon.start());
        return this;
    }

    public Watcher watcher(String name) {
        return arbiter.watcher(name).orElseThrow();
    }

    public static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("operation failed: " + e, e);
        }
    }

    public List<Long> awaitPids(String watcher, int n) {
        Await.until(watcher + " has " + n + " running processes", () -> watcher(watcher).pids().size() == n);
        return watcher(watcher).pids();
    }

    @Override
    public void close() {
        Daemons.close(daemon);
    }
}
