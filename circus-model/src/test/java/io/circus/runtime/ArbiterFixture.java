package io.circus.runtime;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.process.ProcessLauncher;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An arbiter over real processes for one test; {@link #close()} stops everything it started. */
public final class ArbiterFixture implements AutoCloseable {

    public final EventLog events = new EventLog();
    public final ArbiterCore arbiter;

    public ArbiterFixture(ProcessLauncher launcher, WatcherConfig... watchers) {
        this(launcher, CircusConfig.of(List.of(watchers)));
    }

    public ArbiterFixture(ProcessLauncher launcher, CircusConfig config) {
        this.arbiter = ArbiterCore.builder(config).launcher(launcher).listener(events).build();
    }

    public ArbiterFixture started() {
        join(arbiter.start());
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

    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static void awaitDead(long pid) {
        Await.until("pid " + pid + " is gone", Duration.ofSeconds(15), () -> !alive(pid));
    }

    @Override
    public void close() {
        try {
            arbiter.quit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("arbiter did not quit: " + e, e);
        }
    }
}
