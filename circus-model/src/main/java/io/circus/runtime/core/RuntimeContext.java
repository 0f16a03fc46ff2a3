package io.circus.runtime.core;

import io.circus.process.ProcessLauncher;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every watcher shares: the loop, the spawner, the event bus, the launcher and daemon-wide
 * settings.
 *
 * @param socketFds  current daemon socket descriptors by name, for {@code $(circus.sockets.NAME)}
 * @param checkDelay cap of the respawn back-off (Circus respawns once per check_delay)
 * @param umask      the children's umask ({@code [circus] umask}), or -1 to inherit the daemon's
 */
record RuntimeContext(SupervisorLoop loop, Spawner spawner, EventBus events, ProcessLauncher launcher,
                      WatcherOutputFactory outputs, Supplier<Map<String, Integer>> socketFds, Duration checkDelay,
                      int umask) {
}
