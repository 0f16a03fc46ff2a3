package io.circus;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.runtime.Arbiter;
import io.circus.runtime.core.ArbiterCore;
import java.util.List;

/**
 * The library entry point, Java's counterpart of Circus's {@code get_arbiter}: supervise processes
 * from your own program in a few lines. The returned arbiter is started; closing it stops every
 * process and waits until all have exited.
 */
public final class Circus {

    private Circus() {
    }

    /**
     * Runs {@code numProcesses} copies of {@code cmd} (split like a shell command line) and keeps them
     * running: a process that dies is replaced.
     */
    public static Arbiter run(String name, String cmd, int numProcesses) {
        return run(WatcherConfig.builder(name, cmd).numProcesses(numProcesses).build());
    }

    /** Runs the given watchers (see {@link WatcherConfig#builder(String, String)} for every option). */
    public static Arbiter run(WatcherConfig... watchers) {
        ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(watchers))).build();
        try {
            arbiter.start().join();
        } catch (RuntimeException e) {
            arbiter.close();
            throw e;
        }
        return arbiter;
    }
}
