package io.circus.runtime.core;

import io.circus.process.ProcessLauncher;
import java.time.Duration;

/**
 * What every watcher shares: the loop, the spawner, the event bus, the launcher and daemon-wide
 * settings.
 *
 * @param sockets    the daemon's sockets, for {@code $(circus.sockets.NAME)}, use_sockets and stdin_socket
 * @param checkDelay cap of the respawn back-off (Circus respawns once per check_delay)
 * @param umask      the children's umask ({@code [circus] umask}), or -1 to inherit the daemon's
 */
record RuntimeContext(SupervisorLoop loop, Spawner spawner, EventBus events, ProcessLauncher launcher,
                      WatcherOutputFactory outputs, SocketSet sockets, Duration checkDelay,
                      int umask) {
}
