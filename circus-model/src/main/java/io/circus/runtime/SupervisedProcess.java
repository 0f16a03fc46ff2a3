package io.circus.runtime;

import io.circus.process.ExitStatus;
import io.circus.process.KernelStart;
import java.util.List;
import java.util.Optional;

/**
 * A process slot of a watcher, readable from any thread without waiting for the supervisor loop.
 * Values are a consistent-enough live view: each getter reads one volatile field.
 */
public interface SupervisedProcess {

    String watcherName();

    /** Circus's worker id: the slot number, stable across respawns. */
    int wid();

    /** The current (or last) pid, 0 before the first successful spawn. */
    long pid();

    ProcessState state();

    /** Wall-clock start of the current process, epoch milliseconds, 0 if none. */
    long startedEpochMillis();

    /** Monotonic start of the current process ({@code System.nanoTime}-based), 0 if none. */
    long startedNanos();

    /** How many times this slot was respawned after an exit the daemon did not ask for. */
    int restarts();

    /** How the previous process of this slot ended, or null. */
    ExitStatus lastExit();

    /** The argv of the current process. */
    List<String> commandLine();

    /**
     * The current process's start as the kernel records it, when the launcher measured it
     * ({@link io.circus.process.ManagedProcess#kernelStart()}); its pid tells which process it is.
     */
    default Optional<KernelStart> kernelStart() {
        return Optional.empty();
    }
}
