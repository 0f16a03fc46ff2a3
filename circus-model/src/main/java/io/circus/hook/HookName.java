package io.circus.hook;

import java.util.Locale;
import java.util.Optional;

/** Circus's eleven hook points, and what each one's result does (inventory §6.10). */
public enum HookName {
    /** Before a stopped watcher starts; false or a failure leaves it stopped with no process. */
    BEFORE_START(true, false),
    /** After the processes of a start were spawned; false or a failure stops the watcher. */
    AFTER_START(true, false),
    /** Before each spawn (respawns too); false or a failure stops the watcher. */
    BEFORE_SPAWN(true, false),
    /** After each spawn, with {@code pid}; false or a failure kills the process and stops the watcher. */
    AFTER_SPAWN(true, false),
    /** When a watcher begins to stop; the result is ignored. */
    BEFORE_STOP(false, true),
    /** When a watcher has stopped; the result is ignored. */
    AFTER_STOP(false, true),
    /** Before a stop signal, with {@code pid} and {@code signum}; false vetoes it (never SIGKILL). */
    BEFORE_SIGNAL(true, true),
    /** After a stop signal, with {@code pid} and {@code signum}; the result is ignored. */
    AFTER_SIGNAL(false, true),
    /** When a process was reaped, before the reap event, with {@code process_pid}; the result is ignored. */
    BEFORE_REAP(false, false),
    /** After the reap event, with the exit code and status; the result is ignored. */
    AFTER_REAP(false, false),
    /** For {@code stats extended=true}, with {@code pid} and the stats to add to; the result is ignored. */
    EXTENDED_STATS(false, true);

    /** Computed once: every kill and reap asks which hooks a watcher defines, by this name. */
    private final String circusName = name().toLowerCase(Locale.ROOT);
    private final boolean resultMatters;
    private final boolean failureIgnoredByDefault;

    HookName(boolean resultMatters, boolean failureIgnoredByDefault) {
        this.resultMatters = resultMatters;
        this.failureIgnoredByDefault = failureIgnoredByDefault;
    }

    /** Circus's spelling, e.g. {@code before_start}. */
    public String circusName() {
        return circusName;
    }

    /** Whether a false result (or an unignored failure) changes what the watcher does. */
    public boolean resultMatters() {
        return resultMatters;
    }

    /** Whether a failure counts as success when the hook is configured without {@code , true|false}. */
    public boolean failureIgnoredByDefault() {
        return failureIgnoredByDefault;
    }

    /** The hook called {@code name} (any case), if any. */
    public static Optional<HookName> of(String name) {
        for (HookName h : values()) {
            if (h.circusName().equalsIgnoreCase(name)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
