package io.circus.process;

/** Where a child's standard stream goes. */
public enum Stdio {
    /** {@code /dev/null}. */
    NULL,
    /** The daemon's own descriptor (its terminal, or /dev/null once daemonised). */
    INHERIT,
    /** A pipe read by the launcher and delivered to the request's {@link OutputSink} (stdout/stderr only). */
    PIPE
}
