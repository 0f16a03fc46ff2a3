package io.circus.process;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A child started by a {@link ProcessLauncher}. The handle identifies the process itself (a pidfd on
 * Linux), so signals never reach a recycled pid once the child has been reaped.
 */
public interface ManagedProcess {

    long pid();

    /** {@code System.nanoTime()} when the spawn returned. */
    long startedNanos();

    /** Wall-clock start, in milliseconds since the epoch, for display and events. */
    long startedEpochMillis();

    /**
     * The child's start as the kernel records it, when the launcher measured it; empty when it cannot
     * (the JDK launcher), and then {@code /proc} says.
     */
    default Optional<KernelStart> kernelStart() {
        return Optional.empty();
    }

    /**
     * Sends a signal to this process only.
     *
     * @return false when the process has already been reaped (nothing was sent)
     */
    boolean signal(Signal signal);

    /**
     * Sends a signal to the process group this child leads (it must have been spawned with a
     * {@link GroupMode} other than NONE), reaching every descendant that stayed in the group.
     *
     * @return false when the group no longer exists
     */
    boolean signalGroup(Signal signal);

    /** Whether the process has not been reaped yet. */
    boolean isAlive();

    /**
     * Completes once the child has been reaped <em>and</em> every piped stream has reached end of file
     * or was cut off after the exit (so no output is lost). Completed on the launcher's I/O thread:
     * dependent actions must be quick or be handed to another executor.
     */
    CompletionStage<ExitStatus> onExit();
}
