package io.circus.process;

import java.util.Set;

/**
 * Starts and watches child processes. One launcher serves the whole daemon; {@link Launchers}
 * picks the best backend for the running platform.
 *
 * <p>Threading: {@link #spawn} may be called from any thread; it returns once the child exists
 * (or has certainly failed to). Exit and output callbacks come from the launcher's own thread(s).
 */
public interface ProcessLauncher extends AutoCloseable {

    /** A short name for logs and status, e.g. {@code "linux-ffm"} or {@code "jdk"}. */
    String name();

    Set<Capability> capabilities();

    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * Starts a child.
     *
     * @throws SpawnException when the program cannot be started; nothing is left behind
     * @throws UnsupportedOperationException when the request needs a capability this backend lacks
     */
    ManagedProcess spawn(SpawnRequest request) throws SpawnException;

    /** Number of threads this launcher runs (for the benchmark and status). */
    int threadCount();

    /**
     * Stops the launcher's threads. Children still running are not signalled: the supervision core
     * stops them first.
     */
    @Override
    void close();
}
