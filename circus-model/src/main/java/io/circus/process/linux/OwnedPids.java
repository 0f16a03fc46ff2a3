package io.circus.process.linux;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pids of children that some {@link LinuxFfmLauncher} in this JVM spawned and has not reaped yet.
 * JVM-wide because the subreaper setting is: an orphan scan of one launcher must never reap the
 * children of another.
 *
 * <p>Threading: any thread.
 */
final class OwnedPids {

    private static final Set<Integer> PIDS = ConcurrentHashMap.newKeySet();

    private OwnedPids() {
    }

    static void add(int pid) {
        PIDS.add(pid);
    }

    static void remove(int pid) {
        PIDS.remove(pid);
    }

    static boolean contains(int pid) {
        return PIDS.contains(pid);
    }
}
