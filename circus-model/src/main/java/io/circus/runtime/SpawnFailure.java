package io.circus.runtime;

/**
 * A watcher's latest spawn failure, for replies that must say why nothing started.
 *
 * @param count how many spawn attempts of this watcher have failed so far (a later failure has a
 *              larger count, so a caller that noted the count before an operation can tell whether
 *              the operation met a failure)
 * @param error why the latest attempt failed (missing program, unknown user, bad command line, ...)
 */
public record SpawnFailure(long count, String error) {
}
