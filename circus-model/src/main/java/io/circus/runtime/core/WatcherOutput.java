package io.circus.runtime.core;

import io.circus.process.OutputSink;
import io.circus.process.Stdio;

/**
 * Where a watcher's children write: the stdio placement for spawn requests and the sink that
 * receives piped output. One per watcher, shared by its processes.
 */
public interface WatcherOutput extends AutoCloseable {

    Stdio stdout();

    Stdio stderr();

    /** The sink for piped streams, or null when nothing is piped. */
    OutputSink sink();

    /** The last lines of a piped stream, oldest first; empty when the stream is not piped (inherited). */
    default java.util.List<String> tail(io.circus.process.StreamId stream, int lines) {
        return java.util.List.of();
    }

    /** Reopens streams closed by {@link #close()} (a stopped watcher that starts again). */
    void reopen();

    /** Flushes and closes the streams; call only after every process's output reached end of file. */
    @Override
    void close();
}
