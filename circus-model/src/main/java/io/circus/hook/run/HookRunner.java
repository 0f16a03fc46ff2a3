package io.circus.hook.run;

import io.circus.extension.ExtensionClassPath;
import io.circus.extension.ExtensionException;
import io.circus.hook.HookContext;
import io.circus.hook.HookTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs hooks for the whole daemon: resolves targets on the extension path, and runs each call on a
 * thread of its own under the hook timeout, so that no hook ever runs on (or stalls) the supervisor loop.
 *
 * <p>Whatever a hook does (returns, throws, exits non-zero, hangs, throws an {@link Error}) ends in a
 * {@link HookOutcome}; nothing escapes into the daemon. A Java hook still running at its deadline is
 * interrupted and abandoned (its thread is a daemon thread, counted by {@link #abandonedCount()} until it
 * ends); a command is killed with its process group.
 */
public final class HookRunner implements AutoCloseable {

    /** A command gets this long past the deadline to kill its process before the runner gives up on it. */
    private static final long KILL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final ExtensionClassPath extensions;
    private final Duration timeout;
    private final ScheduledThreadPoolExecutor deadlines;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final java.util.Set<CompletableFuture<HookOutcome>> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public HookRunner(ExtensionClassPath extensions, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hook timeout must be positive, got " + timeout);
        }
        this.extensions = extensions;
        this.timeout = timeout;
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon()
                .name("circus-hook-deadlines").unstarted(r));
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /** A runner over a new class loader on {@code extensionPath}. */
    public static HookRunner of(List<Path> extensionPath, Duration timeout) {
        return new HookRunner(ExtensionClassPath.of(extensionPath), timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    /** The extension class path hooks are loaded from. */
    public ExtensionClassPath extensions() {
        return extensions;
    }

    /**
     * Resolves a target: loads and checks a Java class or method, or prepares a command.
     *
     * @throws ExtensionException naming the target and what is wrong with it
     */
    public Resolved resolve(HookTarget target) throws ExtensionException {
        HookCall call = switch (target) {
            case HookTarget.JavaClass t -> JavaHooks.instance(extensions, t);
            case HookTarget.JavaMethod t -> JavaHooks.staticMethod(extensions, t);
            case HookTarget.Command t -> {
                if (CommandHook.executable(t.argv().getFirst()) == null) {
                    throw new ExtensionException("program " + t.argv().getFirst() + " is not an executable file"
                            + (t.argv().getFirst().contains("/") ? "" : " on the daemon's PATH"));
                }
                yield new CommandHook(t.argv(), timeout);
            }
        };
        return new Resolved(target, call);
    }

    /** A target ready to run; immutable. */
    public static final class Resolved {
        private final HookTarget target;
        private final HookCall call;

        private Resolved(HookTarget target, HookCall call) {
            this.target = target;
            this.call = call;
        }

        public HookTarget target() {
            return target;
        }
    }

    /**
     * Starts one call on a new hook thread.
     *
     * @return completes with the outcome, on the hook thread or the deadline thread: dependent actions
     *         must hand themselves to their own executor
     */
    public CompletableFuture<HookOutcome> run(Resolved hook, HookContext context) {
        CompletableFuture<HookOutcome> outcome = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread thread = Thread.ofPlatform().daemon().name("circus-hook " + context.watcherName() + "."
                + context.hookName()).unstarted(() -> {
                    HookOutcome o;
                    try {
                        o = HookOutcome.returned(hook.call.call(context, deadline));
                    } catch (Throwable e) {
                        // Errors too: a hook's StackOverflowError or OutOfMemoryError ends the hook, not the daemon.
                        o = e instanceof HookFailure f ? new HookOutcome(false, f.getMessage(), null, f.timedOut())
                                : HookOutcome.failed(describe(e), e);
                    }
                    if (!outcome.complete(o)) {
                        abandoned.decrementAndGet(); // it came back after all, late
                    }
                });
        thread.setContextClassLoader(extensions.classLoader());
        long grace = hook.call.enforcesDeadline() ? KILL_GRACE_NANOS : 0;
        ScheduledFuture<?> watchdog = deadlines.schedule(() -> {
            abandoned.incrementAndGet(); // before completing, so the late thread's decrement cannot come first
            if (outcome.complete(new HookOutcome(false, "did not return within " + timeout.toMillis() / 1000.0
                    + " s (hook_timeout); abandoned", null, true))) {
                thread.interrupt();
            } else {
                abandoned.decrementAndGet();
            }
        }, timeout.toNanos() + grace, TimeUnit.NANOSECONDS);
        inFlight.add(outcome);
        outcome.whenComplete((o, e) -> {
            watchdog.cancel(false);
            inFlight.remove(outcome);
        });
        thread.start();
        return outcome;
    }

    /** Java hook threads abandoned at their deadline that have not ended yet. */
    public int abandonedCount() {
        return abandoned.get();
    }

    private static String describe(Throwable e) {
        // Circus publishes str(exception): the message alone.
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }

    /**
     * Waits for the calls still running (each ends by its deadline: a command is killed then, a Java hook
     * abandoned), so that circusd never exits leaving a hook's processes behind. Call off the supervisor
     * loop, which their outcomes are handed back to.
     */
    public void awaitIdle() {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos() + 2 * KILL_GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Every call completes by its deadline; this bound only guards against a bug.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits as {@link #awaitIdle}, then stops the deadline thread and closes the extension jars. */
    @Override
    public void close() {
        awaitIdle();
        deadlines.shutdownNow();
        try {
            extensions.close();
        } catch (IOException e) {
            // Closing jars only frees their descriptors; a failure leaves nothing to undo.
        }
    }
}
