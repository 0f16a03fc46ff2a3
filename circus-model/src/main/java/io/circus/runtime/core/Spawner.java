package io.circus.runtime.core;

import io.circus.process.ManagedProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs spawns off the supervisor loop (a spawn takes milliseconds; a thousand of them must not stall
 * commands and exit handling) and completes each result back on the loop. Two threads: a spawn mostly
 * waits for the kernel to create and exec the child, so two overlap well even on two cores.
 *
 * <p>Every child it started is remembered until its exit is reported, so the arbiter can make sure
 * none outlives it ({@link #unfinished()}).
 */
final class Spawner implements AutoCloseable {

    private final ProcessLauncher launcher;
    private final SupervisorLoop loop;
    private static final int THREADS = 2;

    private final ExecutorService thread =
            Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().name("circus-spawner-", 1).daemon(true).factory());
    private final Set<ManagedProcess> started = ConcurrentHashMap.newKeySet();

    Spawner(ProcessLauncher launcher, SupervisorLoop loop) {
        this.launcher = launcher;
        this.loop = loop;
    }

    /**
     * Completes on the loop with the process, or exceptionally with a {@link SpawnException}, the
     * refusal, or whatever the launcher threw (an {@link Error} included: the slot waiting for it must
     * not wait forever).
     */
    CompletableFuture<ManagedProcess> spawn(SpawnRequest request) {
        CompletableFuture<ManagedProcess> result = new CompletableFuture<>();
        try {
            thread.execute(() -> run(request, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the spawner is closed: circusd is quitting"));
        }
        return result;
    }

    private void run(SpawnRequest request, CompletableFuture<ManagedProcess> result) {
        ManagedProcess process = null;
        Throwable error = null;
        try {
            process = launcher.spawn(request);
            ManagedProcess p = process;
            started.add(p);
            p.onExit().whenComplete((s, e) -> started.remove(p));
        } catch (SpawnException | RuntimeException | Error e) {
            error = e;
        }
        ManagedProcess p = process;
        Throwable err = error;
        loop.execute(() -> {
            if (err != null) {
                result.completeExceptionally(err);
            } else {
                result.complete(p);
            }
        });
    }

    /** Children started and not yet reported as exited. */
    List<ManagedProcess> unfinished() {
        return List.copyOf(started);
    }

    @Override
    public void close() {
        thread.shutdown();
    }

    /** Closes and waits for a spawn under way, so nothing is started after this returns. */
    void closeAndAwait() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
