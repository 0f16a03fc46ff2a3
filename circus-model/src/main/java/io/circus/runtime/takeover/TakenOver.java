package io.circus.runtime.takeover;

/**
 * One process a previous daemon left running, and what the takeover did to it.
 *
 * @param process what the state file recorded
 * @param outcome how it ended
 * @param signal  the first signal sent (the stop signal, or SIGKILL for a group whose leader was gone)
 * @param millis  how long it took to be gone, from the first signal
 */
public record TakenOver(ProcessRecord process, Outcome outcome, int signal, long millis) {

    /** How a left-over process ended. */
    public enum Outcome {
        /** It exited on its stop signal within graceful_timeout. */
        STOPPED,
        /** It outlived graceful_timeout and was killed (SIGKILL to it and its process group). */
        KILLED,
        /** It was already gone, but its process group still had members: they were killed. */
        GROUP_KILLED,
        /** It survived even SIGKILL (uninterruptible sleep?); the daemon starts anyway and says so. */
        SURVIVED;

        /** The lower-case name used in events and logs. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
