package io.circus.hook;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigLoader;
import io.circus.runtime.EventLog;
import io.circus.runtime.Watcher;
import io.circus.runtime.core.ArbiterCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An arbiter over real processes, loaded from an ini file written into the test's directory (so hooks go
 * through the whole path: ini, extension path, resolution, runtime), recording every event.
 */
final class HookedDaemon implements AutoCloseable {

    final EventLog events = new EventLog();
    final ArbiterCore arbiter;

    private HookedDaemon(CircusConfig config) {
        this.arbiter = ArbiterCore.builder(config).listener(events).build();
    }

    /** Writes {@code circus.ini} with the given lines after a {@code [circus]} section naming the extension path. */
    static CircusConfig config(Path dir, String extensionPath, String... lines) throws Exception {
        List<String> all = new ArrayList<>(List.of("[circus]", "hook_timeout = 1.5"));
        if (extensionPath != null) {
            all.add("extension_path = " + extensionPath);
        }
        all.addAll(List.of(lines));
        Path ini = dir.resolve("circus.ini");
        try {
            Files.write(ini, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ConfigLoader.load(ini);
    }

    static HookedDaemon of(Path dir, String extensionPath, String... lines) throws Exception {
        return new HookedDaemon(config(dir, extensionPath, lines));
    }

    Watcher watcher(String name) {
        return arbiter.watcher(name).orElseThrow();
    }

    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("operation failed: " + e, e);
        }
    }

    @Override
    public void close() {
        join(arbiter.quit());
    }
}
