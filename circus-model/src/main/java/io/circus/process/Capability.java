package io.circus.process;

/**
 * What a {@link ProcessLauncher} backend can do. The supervision core and the config validator ask
 * for a capability before relying on it, so an option the running backend cannot honour is refused
 * at load time instead of being silently ignored.
 */
public enum Capability {
    /** Any signal by number, cheaply (not just SIGTERM and SIGKILL). */
    SIGNALS_ANY,
    /** The child leads a new process group, and the group can be signalled as one. */
    PROCESS_GROUP,
    /** The child leads a new session (implies a new process group). */
    SESSION,
    /** Daemon-held descriptors (listening sockets) can be passed to the child at chosen numbers. */
    FD_PASSING,
    /** uid and gid are set before the program starts. */
    CREDENTIALS,
    /** Resource limits are set before the program starts. */
    RLIMITS,
    /** The child's umask is set before the program starts. */
    UMASK,
    /** The daemon adopts orphaned descendants (PR_SET_CHILD_SUBREAPER) and reaps them. */
    SUBREAPER,
    /** Exits and output are observed by one event loop, not by threads per child. */
    EVENT_LOOP
}
