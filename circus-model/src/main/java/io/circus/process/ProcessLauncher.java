package io.circus.process;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    /**
     * Sends a signal to a descendant of one of our children (the {@code signal} command's
     * {@code children}/{@code recursive} options). The default goes through {@link ProcessHandle} for
     * TERM and KILL and {@code /bin/kill} otherwise; native backends override it with kill(2).
     *
     * @return false when the process does not exist (any more)
     */
    default boolean signalPid(long pid, Signal signal) {
        java.util.Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return false;
        }
        if (signal.number() == Signal.KILL.number()) {
            return handle.get().destroyForcibly();
        }
        if (signal.number() == Signal.TERM.number()) {
            return handle.get().destroy();
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", Integer.toString(signal.number()), Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The daemon's current soft open-files limit ({@code RLIMIT_NOFILE}), which every descriptor of
     * the daemon and of the pipes and handles of its children counts against; empty when unknown.
     * The default reads {@code /proc/self/limits}.
     */
    default OptionalLong openFileLimit() {
        return OpenFileLimits.fromProc();
    }

    /**
     * Raises the daemon's soft open-files limit as far as the hard limit allows, while every child
     * keeps the limit it would have had without it (unless its request sets {@code NOFILE}). The
     * default cannot do that and changes nothing.
     *
     * @return the soft limit now in force; empty when unknown
     */
    default OptionalLong raiseOpenFileLimit() {
        return openFileLimit();
    }

    /**
     * Descriptors the daemon holds in its own descriptor table (the one {@link #openFileLimit()}
     * bounds) for one running child with {@code pipedStreams} captured output streams (0..2); while
     * it is being spawned it briefly holds one more per stream (the write end). The default counts a
     * handle per child besides the pipes; a backend that keeps its handles in descriptor tables of
     * their own (the Linux one's private pidfd tables) counts only the pipes.
     */
    default int descriptorsPerChild(int pipedStreams) {
        return 1 + pipedStreams;
    }

    /** What {@link #descriptorsPerChild} counts, in words for an operator reading a refusal. */
    default String descriptorsPerChildWhat() {
        return "a descriptor for the process and a pipe per captured stream";
    }

    /**
     * Completes, on a launcher thread, with the reason when the backend can no longer watch its
     * children reliably and the daemon should stop them and exit; children still running are
     * watched on a slower path meanwhile. The default never completes.
     */
    default CompletionStage<String> failure() {
        return new CompletableFuture<>();
    }

    /** Number of threads this launcher runs (for the benchmark and status). */
    int threadCount();

    /**
     * Stops the launcher's threads. Children still running are not signalled: the supervision core
     * stops them first.
     */
    @Override
    void close();
}
