package io.circus.hook.run;

import io.circus.hook.HookContext;

/** A resolved hook, ready to run. Implementations are immutable and may be called from several threads. */
interface HookCall {

    /**
     * Runs the hook on the calling (hook) thread.
     *
     * @param deadlineNanos {@code System.nanoTime()} past which the call counts as hung
     * @return what the hook returned
     * @throws Exception a failure, whose message is published in {@code hook_failure}
     */
    boolean call(HookContext context, long deadlineNanos) throws Exception;

    /** Whether the call enforces its deadline itself (a command kills its process); else the runner does. */
    default boolean enforcesDeadline() {
        return false;
    }
}
