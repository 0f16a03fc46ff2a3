package io.circus.event;

import java.util.Locale;

/** Why a process ended, as carried by {@link EventType#REAP}. */
public enum ExitCause {
    /** The daemon asked it to stop (stop, decr, restart, reload, max_age) and it did. */
    COMMANDED,
    /** The daemon asked it to stop and had to SIGKILL it after graceful_timeout. */
    TIMED_OUT,
    /** It exited by itself with status 0. */
    EXITED,
    /** It exited by itself with a non-zero status. */
    CRASHED,
    /** It was killed by a signal the daemon did not send. */
    SIGNALLED;

    /** Computed once: it is asked on every exit and every process event. */
    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
