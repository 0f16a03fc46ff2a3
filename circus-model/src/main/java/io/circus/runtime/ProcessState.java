package io.circus.runtime;

import java.util.Locale;

/** A process slot's state. The slot (its wid) is stable; the pid changes with each spawn. */
public enum ProcessState {
    /** A spawn of this slot is under way. */
    SPAWNING,
    /** The process runs. */
    RUNNING,
    /** The daemon sent the stop signal and waits for the exit (SIGKILL after graceful_timeout). */
    STOPPING,
    /** The process ended and the slot waits for its respawn (after a back-off when it flaps). */
    EXITED;

    /** Computed once: it is asked on every exit and every process event. */
    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
