package io.circus.runtime;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventListener;
import io.circus.process.ProcessLauncher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The root of the runtime: owns the watchers, the process launcher and the event stream. Every
 * operation returns at once with a future; state is read without waiting.
 */
public interface Arbiter extends AutoCloseable {

    /** Starts the watchers with autostart, by priority (highest first), honouring warmup_delay. */
    CompletableFuture<Void> start();

    /** Stops every watcher, then the arbiter; {@link #terminated()} completes afterwards. */
    CompletableFuture<Void> quit();

    /** Completes once the arbiter has stopped everything it started. */
    CompletableFuture<Void> terminated();

    CircusConfig config();

    /** Watchers in start order (priority high to low, then name). */
    List<Watcher> watchers();

    /** Case-insensitive look-up. */
    Optional<Watcher> watcher(String name);

    CompletableFuture<Watcher> addWatcher(WatcherConfig config, boolean start);

    /** Removes a watcher, stopping its processes unless {@code stop} is false (they are left running). */
    CompletableFuture<Void> removeWatcher(String name, boolean stop);

    CompletableFuture<Void> startAll();

    CompletableFuture<Void> stopAll();

    CompletableFuture<Void> restartAll();

    CompletableFuture<Void> reloadAll(boolean graceful, boolean sequential);

    /**
     * Circus's {@code start} of several watchers: one after another in start order, skipping
     * autostart=false ones; for every watcher ({@code names} null) as {@link #startAll}, with
     * warmup_delay between them.
     *
     * @param names the watchers selected (any case), or null for every watcher
     * @return completes with the pids started and kept, as each watcher recorded them
     */
    CompletableFuture<PidReport> startGroup(List<String> names);

    /** Circus's {@code stop} of several watchers: all at once, lowest priority first; as {@link #startGroup}. */
    CompletableFuture<PidReport> stopGroup(List<String> names);

    /** Circus's {@code restart} of several watchers: all stopped, then started as {@link #startGroup}. */
    CompletableFuture<PidReport> restartGroup(List<String> names);

    /** Circus's {@code reload} without a name: each watcher reloads, all at once, as {@link #reloadAll}. */
    CompletableFuture<PidReport> reloadGroup(boolean graceful, boolean sequential);

    /** Applies a new configuration as a precise diff; see {@link ConfigDiff}. */
    CompletableFuture<ConfigDiff> reloadConfig(CircusConfig config);

    void addListener(EventListener listener);

    void removeListener(EventListener listener);

    /** Follows watchers and slots as they come and go; see {@link TopologyListener}. */
    void addTopologyListener(TopologyListener listener);

    void removeTopologyListener(TopologyListener listener);

    /** Sequence number of the latest event, 0 before any. */
    long lastEventSeq();

    long startEpochMillis();

    ProcessLauncher launcher();

    /** The daemon's sockets ({@code [socket:NAME]}), in configuration order. */
    List<HeldSocket> sockets();

    /** Total running processes over all watchers. */
    int processCount();

    /**
     * Records what a plugin judged about a watcher's flapping and publishes a {@code flapping} event
     * (when {@code status} is parked); {@link FlappingStatus#NONE} clears it. Callable from any thread.
     */
    default void reportFlapping(String watcher, FlappingStatus status) {
    }

    /** The latest flapping judgement of a plugin about this watcher, or {@link FlappingStatus#NONE}. */
    default FlappingStatus flapping(String watcher) {
        return FlappingStatus.NONE;
    }

    @Override
    void close();

    /**
     * The class loader over {@code [circus] extension_path} that Java hooks come from, shared with
     * other extensions (plugins) so a hook and a plugin from the same jar see the same classes. Owned
     * by the arbiter: fixed for its life (a change needs a restart), never closed by a borrower. An
     * arbiter without extensions answers one over the daemon's own class path.
     */
    default io.circus.extension.ExtensionClassPath extensionClassPath() {
        return io.circus.extension.ExtensionClassPath.of(config().global().extensionPath());
    }
}
