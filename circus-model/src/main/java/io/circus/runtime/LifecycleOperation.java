package io.circus.runtime;

/** The operations whose outcome {@link Watcher#perform} reports as a {@link PidReport}. */
public enum LifecycleOperation {
    /** {@link Watcher#start()}. */
    START,
    /** {@link Watcher#stop()}. */
    STOP,
    /** {@link Watcher#restart()}. */
    RESTART,
    /** {@link Watcher#reload(boolean, boolean)}, graceful, all at once. */
    RELOAD,
    /** {@link Watcher#reload(boolean, boolean)}, graceful, one process at a time. */
    RELOAD_SEQUENTIAL
}
