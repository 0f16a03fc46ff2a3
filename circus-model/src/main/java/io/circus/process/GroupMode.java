package io.circus.process;

/** How a spawned child is detached from the daemon's process group and session. */
public enum GroupMode {
    /** The child stays in the daemon's process group. */
    NONE,
    /** The child leads a new process group, so the whole group can be signalled. */
    NEW_PROCESS_GROUP,
    /** The child leads a new session and process group, as Circus's children do ({@code setsid}). */
    NEW_SESSION
}
