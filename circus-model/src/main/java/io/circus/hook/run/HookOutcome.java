package io.circus.hook.run;

/**
 * How one hook call ended: it returned ({@code error} null, {@code result} what it returned), or it
 * failed ({@code error} says how: an exception, a non-zero exit, a timeout, a class that could not be used).
 *
 * @param result   what the hook returned; false when it failed
 * @param error    why it failed, as published in {@code hook_failure}; null when it returned
 * @param cause    the exception behind a failure, for the log; null otherwise
 * @param timedOut whether the failure is a timeout (the command was killed, the Java thread abandoned)
 */
public record HookOutcome(boolean result, String error, Throwable cause, boolean timedOut) {

    static HookOutcome returned(boolean result) {
        return new HookOutcome(result, null, null, false);
    }

    static HookOutcome failed(String error, Throwable cause) {
        return new HookOutcome(false, error, cause, false);
    }

    /** Whether the hook failed rather than returned. */
    public boolean failed() {
        return error != null;
    }
}
