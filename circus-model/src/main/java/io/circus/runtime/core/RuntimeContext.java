package io.circus.runtime.core;

import io.circus.hook.run.HookRunner;
import io.circus.process.ProcessLauncher;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every watcher shares: the loop, the spawner, the event bus, the launcher and daemon-wide
 * settings.
 *
 * @param sockets    the daemon's sockets, for {@code $(circus.sockets.NAME)}, use_sockets and stdin_socket
 * @param checkDelay cap of the respawn back-off (Circus respawns once per check_delay)
 * @param umask      the children's umask ({@code [circus] umask}), or -1 to inherit the daemon's
 * @param quitting   set on the loop when the arbiter begins to quit: from then on nothing spawns
 * @param budget     the open-files check for run-time changes
 * @param hooks      runs the watchers' hooks off the loop, from the extension path ({@code [circus]})
 */
record RuntimeContext(SupervisorLoop loop, Spawner spawner, EventBus events, ProcessLauncher launcher,
                      WatcherOutputFactory outputs, SocketSet sockets, Duration checkDelay,
                      int umask, AtomicBoolean quitting, DescriptorBudget budget, HookRunner hooks) {

    /** Whether the arbiter is quitting (nothing may be spawned any more). */
    boolean isQuitting() {
        return quitting.get();
    }
}
