package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import io.circus.process.Capability;
import io.circus.process.ProcessLauncher;

/**
 * Refuses watcher options the running process backend cannot honour, when the watcher is loaded or
 * added, so that nothing is silently ignored at spawn time.
 */
final class CapabilityCheck {

    private CapabilityCheck() {
    }

    /** @throws IllegalArgumentException naming the watcher, the option and the backend */
    static void validate(WatcherConfig c, ProcessLauncher launcher) {
        require(c, launcher, c.uid() != null, "uid", Capability.CREDENTIALS);
        require(c, launcher, c.gid() != null, "gid", Capability.CREDENTIALS);
        require(c, launcher, !c.rlimits().isEmpty(), "rlimit_" + c.rlimits().keySet().stream().findFirst()
                .map(r -> r.configName()).orElse(""), Capability.RLIMITS);
        require(c, launcher, c.useSockets(), "use_sockets", Capability.FD_PASSING);
        require(c, launcher, c.stdinSocket() != null, "stdin_socket", Capability.FD_PASSING);
    }

    private static void require(WatcherConfig c, ProcessLauncher launcher, boolean used, String option,
                                Capability capability) {
        if (used && !launcher.can(capability)) {
            throw new IllegalArgumentException("watcher '" + c.name() + "': option " + option
                    + " needs the native process backend; the running backend '" + launcher.name()
                    + "' cannot honour it (" + capability + ")");
        }
    }
}
