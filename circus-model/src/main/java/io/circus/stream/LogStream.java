package io.circus.stream;

import io.circus.process.StreamId;

/**
 * Where a watcher's stdout or stderr goes: Circus's {@code stdout_stream} / {@code stderr_stream}.
 * One stream is shared by every process of a watcher. Build one with {@link LogStreams#open}.
 *
 * <p>Closed streams reopen lazily: a {@link #write} after {@link #close()} opens the target again
 * rather than rejecting the bytes, because a straggler (a grandchild still holding the pipe) may
 * write after its watcher stopped and no byte may be lost. Close a stream again once its processes
 * are gone.
 */
public interface LogStream extends AutoCloseable {

    /**
     * Queues a chunk for writing and returns at once.
     *
     * <p>Threading: any thread, including the launcher's I/O thread; never blocks on I/O. The stream
     * takes ownership of {@code data}: the caller must not modify it afterwards (hence no copy here;
     * {@link StreamSink} copies the launcher's buffer once).
     *
     * @throws IllegalStateException when the daemon's {@link StreamWriter} has been closed
     */
    void write(long pid, StreamId stream, byte[] data);

    /**
     * The given process closed the given stream: any partial last line it left is written, ended
     * with a newline, by streams that frame lines ({@code time_format}).
     *
     * <p>Threading: like {@link #write}; never blocks. Ordered after that process's earlier writes.
     */
    default void endOfStream(long pid, StreamId stream) {
    }

    /**
     * Blocks until everything queued on this stream before the call has been written and flushed to
     * the operating system (not fsync'ed).
     *
     * <p>Threading: any thread except the launcher's I/O thread (it would stall every child) and the
     * {@link StreamWriter} thread (it would deadlock, and is refused with IllegalStateException).
     * Returns at once once the writer has been closed, which drained everything.
     *
     * @throws java.io.UncheckedIOException when the target failed to flush, or the wait was
     *                                      interrupted (the interrupt flag is kept)
     */
    void flush();

    /**
     * Flushes, ends pending partial lines, then closes the file. A later {@link #write} reopens it.
     *
     * <p>Threading: as {@link #flush()}; a no-op after the writer was closed (it closed every stream).
     */
    @Override
    void close();

    /**
     * Opens the target again: after {@link #close()} (Circus reopens file streams on {@code stop} then
     * {@code start}), or while open to pick up a file moved away by an external rotation tool
     * ({@code reopenLogs}). Partial lines stay buffered across a reopen.
     *
     * <p>Threading: as {@link #flush()}.
     *
     * @throws java.io.UncheckedIOException when the file cannot be opened
     * @throws IllegalStateException        when the writer has been closed
     */
    void reopen();
}
