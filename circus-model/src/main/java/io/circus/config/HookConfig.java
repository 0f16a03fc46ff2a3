package io.circus.config;

/**
 * A hook as configured with {@code hooks.<name> = target[, ignore_failure]}.
 *
 * @param target        the class implementing the hook
 * @param ignoreFailure whether a failing hook is ignored instead of aborting the action
 */
public record HookConfig(String target, boolean ignoreFailure) {
}
