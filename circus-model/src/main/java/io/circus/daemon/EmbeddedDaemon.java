package io.circus.daemon;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigSource;
import io.circus.event.EventListener;
import io.circus.process.ProcessLauncher;
import io.circus.runtime.core.ArbiterCore;
import io.circus.stats.ProcessSampler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole daemon in one object: crash takeover, the arbiter and its facades (JMX, ZeroMQ, web, each
 * optional), assembled in circusd's order and closed in the reverse one. {@code circusd}, the tests
 * and your own program build it the same way:
 *
 * <pre>{@code
 * try (EmbeddedDaemon daemon = EmbeddedDaemon.builder(config)
 *         .facade(CircusManagement.facade())   // circus-jmx
 *         .facade(ZmqFacade.facade())          // circus-zmq, over the JMX beans
 *         .start(Duration.ofSeconds(30))) {    // built, watchers started
 *     daemon.terminated().join();              // until something calls quit
 * } // close(): every process stopped, then the facades, then the state file
 * }</pre>
 *
 * <p>{@link Builder#build()} does, in this order: crash takeover (stops what a killed daemon left
 * running, before any socket is bound), the arbiter (and with {@link Builder#raiseFileLimit} the
 * open-files limit), the state file, then each facade in the order added. Nothing is spawned until
 * {@link #start()}, so the caller can install signal handlers in between, as circusd does.
 *
 * <p>Threading: build, start and close from one thread; the accessors may be read from any thread.
 */
public final class EmbeddedDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDaemon.class);

    private final ArbiterCore arbiter;
    private final List<Facade> facades;
    private final CrashTakeover takeover;
    private final Duration closeTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDaemon(ArbiterCore arbiter, List<Facade> facades, CrashTakeover takeover, Duration closeTimeout) {
        this.arbiter = arbiter;
        this.facades = List.copyOf(facades);
        this.takeover = takeover;
        this.closeTimeout = closeTimeout;
    }

    public static Builder builder(CircusConfig config) {
        return new Builder(config);
    }

    /** The arbiter: every watcher and process, and every operation on them. */
    public ArbiterCore arbiter() {
        return arbiter;
    }

    /** The first started facade that is a {@code type} (e.g. {@code ManagementHandle}, {@code ZmqFacade}). */
    public <T extends Facade> Optional<T> facade(Class<T> type) {
        return find(facades, type);
    }

    /** What crash takeover stopped at start-up, one line per process. */
    public List<String> takenOver() {
        return takeover.report().lines();
    }

    /** Starts the watchers with autostart; completes when they have started. */
    public CompletableFuture<Void> start() {
        return arbiter.start();
    }

    /** Completes once the arbiter has stopped everything (after {@code quit}, SIGTERM, or a fatal failure). */
    public CompletableFuture<Void> terminated() {
        return arbiter.terminated();
    }

    /**
     * Stops every process (unless the arbiter has already terminated), then closes the facades in
     * reverse order and the state file (a clean stop removes it). Idempotent.
     *
     * @throws IllegalStateException when the arbiter did not stop within the close timeout; the
     *                               facades and the state file are closed all the same
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!arbiter.terminated().isDone()) {
                awaitQuit();
            }
        } finally {
            closeAll(facades);
            takeover.close();
        }
    }

    private void awaitQuit() {
        CompletableFuture<Void> quit = arbiter.quit();
        try {
            if (closeTimeout == null) {
                quit.get();
            } else {
                quit.get(closeTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the arbiter did not stop within " + closeTimeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the arbiter failed while stopping: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the arbiter was stopping", e);
        }
    }

    private static void closeAll(List<Facade> started) {
        for (Facade f : started.reversed()) {
            try {
                f.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed", f, e);
            }
        }
    }

    private static <T extends Facade> Optional<T> find(List<Facade> facades, Class<T> type) {
        return facades.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Every part is optional; without facades it is the bare arbiter with a daemon's lifecycle. */
    public static final class Builder {
        private final CircusConfig config;
        private final ArbiterCore.Builder arbiter;
        private final List<FacadeFactory<?>> factories = new ArrayList<>();
        private ConfigSource source;
        private Path takeoverIni;
        private Duration closeTimeout;

        private Builder(CircusConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.arbiter = ArbiterCore.builder(config);
            this.source = () -> config;
        }

        /** What {@code reloadconfig} re-reads; default: this configuration again; null refuses reloading. */
        public Builder configSource(ConfigSource s) { source = s; return this; }

        /** The process backend; default: the best one this machine has. */
        public Builder launcher(ProcessLauncher l) { arbiter.launcher(l); return this; }

        /** A listener registered before anything happens, so it sees every event from seq 1. */
        public Builder listener(EventListener l) { arbiter.listener(l); return this; }

        /** Raise this JVM's soft open-files limit to what the configuration needs (circusd does). */
        public Builder raiseFileLimit(boolean raise) { arbiter.raiseFileLimit(raise); return this; }

        /**
         * Crash takeover for the configuration file {@code ini}: before the arbiter exists, stop what
         * a killed daemon on it left running, then record this daemon's processes in the state file
         * ({@code [circus] statefile}, docs/crash-recovery.md). Default: off.
         */
        public Builder crashTakeover(Path ini) { takeoverIni = ini; return this; }

        /** A facade, started after those added before it and closed before them. */
        public Builder facade(FacadeFactory<?> f) { factories.add(Objects.requireNonNull(f, "facade")); return this; }

        /** Longest {@link #close()} waits for the processes to stop; default: as long as it takes. */
        public Builder closeTimeout(Duration d) { closeTimeout = d; return this; }

        /**
         * Assembles the daemon; no watcher is started yet (see {@link EmbeddedDaemon#start()}).
         *
         * @throws IllegalStateException    when crash takeover cannot read its state file, or one named
         *                                  by {@code statefile} cannot be created
         * @throws IllegalArgumentException when the arbiter refuses the configuration (a
         *                                  {@link io.circus.runtime.DescriptorLimitException} names
         *                                  the watcher the open-files limit cannot hold)
         * @throws FacadeStartException     when a facade cannot start
         */
        public EmbeddedDaemon build() {
            // Before the arbiter binds any socket: survivors of a crashed daemon may hold the ports.
            CrashTakeover takeover = CrashTakeover.takeOver(takeoverIni, config);
            ArbiterCore core = arbiter.build();
            try {
                takeover.record(core);
            } catch (RuntimeException e) {
                core.close();
                throw e;
            }
            List<Facade> started = new ArrayList<>();
            Context context = new Context(core, config, source, takeover.report().lines(), new ProcessSampler(), started);
            for (FacadeFactory<?> factory : factories) {
                try {
                    started.add(Objects.requireNonNull(factory.start(context), "a facade factory returned null"));
                } catch (RuntimeException e) {
                    // The same order as any close: the arbiter (nothing spawned yet), the facades, the state file.
                    FacadeStartException failure = new FacadeStartException(e);
                    try {
                        new EmbeddedDaemon(core, started, takeover, closeTimeout).close();
                    } catch (RuntimeException closing) {
                        failure.addSuppressed(closing);
                    }
                    throw failure;
                }
            }
            return new EmbeddedDaemon(core, started, takeover, closeTimeout);
        }

        /**
         * Builds the daemon and starts its watchers, waiting at most {@code timeout}; on failure
         * everything is closed again.
         *
         * @throws IllegalStateException when the watchers did not start in time or failed to
         */
        public EmbeddedDaemon start(Duration timeout) {
            EmbeddedDaemon daemon = build();
            try {
                daemon.start().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                return daemon;
            } catch (TimeoutException | ExecutionException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                IllegalStateException failure = new IllegalStateException("the daemon did not start: "
                        + (e instanceof ExecutionException ? e.getCause() : e), e);
                try {
                    daemon.close();
                } catch (RuntimeException closing) {
                    failure.addSuppressed(closing);
                }
                throw failure;
            }
        }
    }

    private record Context(ArbiterCore arbiter, CircusConfig config, ConfigSource configSource, List<String> takenOver,
                           ProcessSampler sampler, List<Facade> started) implements DaemonContext {
        @Override
        public <T extends Facade> Optional<T> facade(Class<T> type) {
            return find(started, type);
        }
    }
}
