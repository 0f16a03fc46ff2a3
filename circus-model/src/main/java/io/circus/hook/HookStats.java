package io.circus.hook;

/**
 * One configured hook of a watcher and what its calls did since the watcher was created.
 *
 * @param name          the hook point, e.g. {@code before_start}
 * @param target        the target as configured
 * @param ignoreFailure whether a failure counts as success
 * @param calls         calls that ended (returned or failed)
 * @param falseResults  calls that returned false
 * @param failures      calls that failed: an exception, a non-zero exit, a timeout, an unusable target
 * @param timeouts      failures that were timeouts (the command was killed, or the Java thread abandoned)
 * @param lastError     the last failure's message, or null
 */
public record HookStats(String name, String target, boolean ignoreFailure, long calls, long falseResults,
                        long failures, long timeouts, String lastError) {
}
