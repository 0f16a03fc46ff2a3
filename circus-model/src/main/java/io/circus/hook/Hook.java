package io.circus.hook;

/**
 * A Java hook: {@code hooks.<name> = java:com.example.MyHook}. The class must be public, with a public
 * no-argument constructor, on the extension path; one instance is created per watcher and target, when
 * the watcher is created (or the hook set at run time).
 *
 * <p>Threading: {@link #run} is called on a hook thread, never on the supervisor loop, and never
 * concurrently for the same watcher; one instance configured for several hook names may be called by
 * several watchers at once. It may block (up to {@code [circus] hook_timeout}); past it, the thread is
 * interrupted and abandoned and the hook counts as failed. Do not wait in a hook for an operation of the
 * watcher that called it (its operations queue behind the hook).
 */
@FunctionalInterface
public interface Hook {

    /**
     * Runs the hook.
     *
     * @return true to let the action go on; false to abort a start or spawn or veto a signal, as a falsy
     *         return does in Circus (the result of stop, reap and stats hooks is ignored)
     * @throws Exception a failure: logged with the hook's name, published as {@code hook_failure}, and
     *                   the action is aborted unless the hook is configured with {@code , true}
     */
    boolean run(HookContext context) throws Exception;
}
