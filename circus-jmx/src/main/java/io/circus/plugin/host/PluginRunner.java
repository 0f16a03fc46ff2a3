package io.circus.plugin.host;

import io.circus.config.PluginConfig;
import io.circus.event.Event;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginOptionException;
import io.circus.plugin.PluginOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one configured plugin running: starts an {@link Incarnation}, feeds it events, and when a
 * callback throws five times in a row, its start fails or a callback hangs past {@code hang_timeout}
 * (30 s by default), abandons it and starts a new one after a back-off (1 s doubling to 60 s, reset
 * after a minute of good running; {@code System.nanoTime} throughout).
 *
 * <p>Threading: lifecycle methods are synchronized and called by the host thread, MBean callers and
 * the plugin's own thread (a failing callback); {@link #offer} is called on the supervisor's event
 * thread and never blocks.
 */
final class PluginRunner {

    static final int QUEUE_LIMIT = 10_000;
    private static final long FIRST_BACKOFF = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_BACKOFF = TimeUnit.SECONDS.toNanos(60);
    private static final long STABLE = TimeUnit.SECONDS.toNanos(60);
    private static final int FAILURES_BEFORE_RESTART = 5;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    final PluginConfig config;
    final PluginCounters counters = new PluginCounters();
    final PluginNotifier notifier;
    final Logger log;
    final long hangNanos;
    private final Supplier<Plugin> factory;
    private final Function<Incarnation, RunnerContext> contexts;
    private boolean enabled;
    /** Written under the lock, read without it by {@link #offer} on the supervisor thread. */
    private volatile Incarnation current;
    private long restartAtNanos;
    private long backoffNanos = FIRST_BACKOFF;
    private volatile String state;

    /** @throws PluginOptionException when {@code active} or {@code hang_timeout} is not valid */
    PluginRunner(PluginConfig config, Supplier<Plugin> factory, PluginNotifier notifier,
                 Function<Incarnation, RunnerContext> contexts) {
        this.config = config;
        this.factory = factory;
        this.notifier = notifier;
        this.contexts = contexts;
        this.log = LoggerFactory.getLogger("circus.plugin." + config.name());
        PluginOptions options = new PluginOptions(config.name(), config.options());
        this.enabled = options.bool("active", true);
        this.hangNanos = options.seconds("hang_timeout", Duration.ofSeconds(30)).toNanos();
        this.state = enabled ? "stopped" : "disabled";
    }

    String name() {
        return config.name();
    }

    String state() {
        return state;
    }

    synchronized boolean enabled() {
        return enabled;
    }

    /** Starts it if enabled; the future completes when its {@code start} has returned or failed. */
    synchronized CompletableFuture<Void> start() {
        if (!enabled) {
            return CompletableFuture.completedFuture(null);
        }
        if (current == null) {
            launch();
        }
        return current.started;
    }

    synchronized void enable() {
        if (enabled) {
            return;
        }
        enabled = true;
        backoffNanos = FIRST_BACKOFF;
        launch();
    }

    void disable() {
        synchronized (this) {
            enabled = false;
        }
        stop();
        state = "disabled";
    }

    /** Stops it for good: its {@code stop} runs on its thread, at most 5 s are waited for. */
    void stop() {
        Incarnation inc;
        synchronized (this) {
            inc = current;
            current = null;
            restartAtNanos = 0;
            state = enabled ? "stopped" : "disabled";
        }
        if (inc == null) {
            return;
        }
        try {
            inc.executor.execute(() -> {
                if (inc.running && !inc.abandoned) {
                    guard(inc, "stop", () -> inc.plugin.stop());
                }
            });
        } catch (RejectedExecutionException e) {
            // Already shut down.
        }
        inc.executor.shutdown();
        try {
            if (!inc.executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("plugin {} did not stop within {} s ({}); its thread is abandoned", name(),
                        STOP_TIMEOUT.toSeconds(), inc.busyIn);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inc.abandon();
    }

    /** Hands an event to the plugin's thread; drops it (counted) when 10000 are already waiting. */
    void offer(Event event) {
        Incarnation inc = current;
        if (inc == null || inc.abandoned) {
            return;
        }
        if (inc.queued.incrementAndGet() > QUEUE_LIMIT) {
            inc.queued.decrementAndGet();
            counters.dropped.incrementAndGet();
            return;
        }
        try {
            inc.executor.execute(() -> {
                inc.queued.decrementAndGet();
                if (inc.running) {
                    guard(inc, "onEvent(" + event.topic() + ")", () -> inc.plugin.onEvent(event));
                }
            });
        } catch (RejectedExecutionException e) {
            inc.queued.decrementAndGet();
        }
    }

    /** The host's periodic look (monotonic time): hung callbacks, due restarts, back-off reset. */
    synchronized void tick(long now) {
        Incarnation inc = current;
        if (inc != null) {
            long busy = inc.busySinceNanos;
            if (busy != 0 && now - busy > hangNanos) {
                String what = "hung in " + inc.busyIn + " for more than " + TimeUnit.NANOSECONDS.toSeconds(hangNanos) + " s";
                counters.error(what);
                log.error("plugin {}: {}; restarting it", name(), what);
                notifier.failed(what);
                restartLater(inc, what);
            } else if (inc.running && backoffNanos != FIRST_BACKOFF && now - inc.createdNanos > STABLE) {
                backoffNanos = FIRST_BACKOFF;
            }
        } else if (enabled && restartAtNanos != 0 && now - restartAtNanos >= 0) {
            counters.failureRestarts.incrementAndGet();
            launch();
        }
    }

    /** Runs one callback on the plugin's thread; true when it returned normally. */
    boolean guard(Incarnation inc, String what, Callback callback) {
        if (inc.abandoned) {
            return false;
        }
        inc.busyIn = what;
        inc.busySinceNanos = System.nanoTime() | 1;
        try {
            callback.run();
            inc.consecutiveFailures = 0;
            return true;
        } catch (Throwable t) {
            if (!inc.abandoned) {
                failed(inc, what, t);
            }
            return false;
        } finally {
            inc.busySinceNanos = 0;
        }
    }

    private void failed(Incarnation inc, String what, Throwable t) {
        String message = what + " threw " + t;
        counters.error(message);
        notifier.failed(message);
        if (what.equals("start") && t instanceof PluginOptionException) {
            log.error("plugin {}: {}", name(), t.getMessage());
            synchronized (this) {
                if (current == inc) {
                    current = null;
                    state = "failed: " + t.getMessage();
                }
            }
            inc.started.completeExceptionally(t);
            inc.abandon();
            return;
        }
        log.error("plugin {}: {}", name(), message, t);
        if (what.equals("start") || ++inc.consecutiveFailures >= FAILURES_BEFORE_RESTART) {
            restartLater(inc, what.equals("start") ? message
                    : inc.consecutiveFailures + " failures in a row, the last: " + message);
        }
    }

    private synchronized void restartLater(Incarnation inc, String why) {
        if (current != inc) {
            return;
        }
        current = null;
        inc.abandon();
        inc.started.complete(null);
        restartAtNanos = System.nanoTime() + backoffNanos;
        state = "restarting in " + TimeUnit.NANOSECONDS.toSeconds(backoffNanos) + " s (" + why + ")";
        backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF);
    }

    private void launch() {
        Incarnation inc = new Incarnation(name());
        current = inc;
        restartAtNanos = 0;
        state = "starting";
        inc.context = contexts.apply(inc);
        inc.executor.execute(() -> {
            boolean ok = guard(inc, "start", () -> {
                inc.plugin = factory.get();
                inc.plugin.start(inc.context);
            });
            if (ok) {
                inc.running = true;
                synchronized (this) {
                    if (current == inc) {
                        state = "active";
                    }
                }
                log.info("plugin {} started ({})", name(), config.use());
            }
            inc.started.complete(null);
        });
    }

    /** A plugin callback: anything may be thrown. */
    @FunctionalInterface
    interface Callback {
        void run() throws Exception;
    }
}
