package io.circus.runtime.takeover;

import io.circus.process.KernelStart;
import java.util.Optional;

/**
 * Where the journal finds a new process's start as the launcher measured it, so that it reads
 * {@code /proc/<pid>/stat} only for the processes the launcher could not measure. Called on the
 * journal's thread, shortly after the spawn event: the process may already be gone.
 */
@FunctionalInterface
public interface KernelStarts {

    /** Nothing is known: every start is read from {@code /proc}. */
    KernelStarts NONE = (watcher, pid) -> Optional.empty();

    /** The start of the process {@code pid} of {@code watcher}, when known and still that process's. */
    Optional<KernelStart> find(String watcher, long pid);
}
