package io.circus.runtime.core;

import io.circus.process.ManagedProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs spawns off the supervisor loop (a spawn takes milliseconds; a thousand of them must not stall
 * commands and exit handling) and completes each result back on the loop. Two threads: a spawn mostly
 * waits for the kernel to create and exec the child, so two overlap well even on two cores.
 */
final class Spawner implements AutoCloseable {

    private final ProcessLauncher launcher;
    private final SupervisorLoop loop;
    private static final int THREADS = 2;

    private final ExecutorService thread =
            Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().name("circus-spawner-", 1).daemon(true).factory());

    Spawner(ProcessLauncher launcher, SupervisorLoop loop) {
        this.launcher = launcher;
        this.loop = loop;
    }

    /** Completes on the loop with the process, or exceptionally with a {@link SpawnException} or the refusal. */
    CompletableFuture<ManagedProcess> spawn(SpawnRequest request) {
        CompletableFuture<ManagedProcess> result = new CompletableFuture<>();
        thread.execute(() -> {
            ManagedProcess process = null;
            Throwable error = null;
            try {
                process = launcher.spawn(request);
            } catch (SpawnException | RuntimeException e) {
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
        });
        return result;
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
