package io.circus.event;

import java.util.Locale;

/**
 * What happened. The lower-case name is Circus's event name ({@code watcher.<name>.<event>}); the
 * types Circus lacks ({@code state}, {@code spawn_failed}) say so in their description.
 */
public enum EventType {
    /** A process was started. */
    SPAWN,
    /** A process was reaped: carries its exit code and the cause. */
    REAP,
    /** The daemon sent a stop signal or SIGKILL to a process. */
    KILL,
    /** A watcher finished starting. */
    START,
    /** A watcher finished stopping. */
    STOP,
    /** A watcher finished a graceful reload. */
    RELOAD,
    /** A watcher option was changed at run time. */
    UPDATED,
    /** A watcher was added at run time. */
    ADD,
    /** A watcher was removed at run time. */
    REMOVE,
    /** A hook returned (whatever it returned); carries {@code name}, the hook point. */
    HOOK_SUCCESS,
    /** A hook failed (threw, exited non-zero, timed out); carries {@code name} and {@code error}. */
    HOOK_FAILURE,
    /** Not in Circus: a spawn attempt failed (missing program, bad directory, ...). */
    SPAWN_FAILED,
    /** Not in Circus: a watcher or process changed state; carries {@code from} and {@code to}. */
    STATE,
    /** Not in Circus: the daemon re-read its configuration; carries what changed. */
    CONFIG_RELOADED,
    /**
     * Not in Circus: the watcher started respawning with a back-off (its processes keep exiting
     * quickly, or spawns fail for want of a resource); carries {@code wid}, {@code reason},
     * {@code delay} (seconds) and {@code next_retry} (epoch seconds). Sent once, not per respawn.
     */
    BACKOFF,
    /**
     * Not in Circus: the watcher left back-off; carries {@code reason} ({@code stable}: its processes
     * ran a second or more; {@code stopped}: the processes in back-off were stopped) and
     * {@code respawns} (how many happened meanwhile).
     */
    RECOVERED,
    /**
     * Not in Circus: the watcher was judged flapping, by the core's back-off ({@code source}
     * {@code backoff}) or by a plugin ({@code source} {@code plugin:NAME}); carries {@code time},
     * {@code source}, {@code state} (what an operator reads, e.g. {@code parked, retry 1/5 in 7 s}),
     * {@code parked} (whether the watcher was stopped), {@code retry_in} (seconds, or null when no
     * retry is planned), {@code tries}, {@code max_retry} and {@code reason}.
     */
    FLAPPING;

    /** Computed once: events ask for it several times each, thousands a second in a storm. */
    private final String circusName = name().toLowerCase(Locale.ROOT);

    /** The Circus spelling, e.g. {@code spawn}. */
    public String circusName() {
        return circusName;
    }
}
