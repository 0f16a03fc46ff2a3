package io.circus.runtime;

import java.util.Locale;

/** A watcher's state, with Circus's names ({@code status} replies). */
public enum WatcherState {
    STOPPED, STARTING, ACTIVE, STOPPING;

    /** {@code "active"}, {@code "stopped"}, ... as Circus prints them. */
    public String circusName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
