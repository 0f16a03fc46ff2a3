package io.circus.stream;

import io.circus.process.StreamId;
import java.io.IOException;
import java.time.Instant;

/**
 * The blocking side of a {@link LogStream}: the file, terminal or user sink its bytes end up in.
 * A {@link StreamWriter} drives it; {@link LogStreams#open} wraps it into a non-blocking LogStream.
 *
 * <p>Threading: every method is called on the single {@link StreamWriter} thread, one at a time, so
 * implementations need no locking and may block on I/O. Never call them from elsewhere. A user class
 * named in the config by a dotted name may implement this interface (preferred) with a public
 * {@code (Map<String,String> options)} constructor.
 *
 * <p>Lifecycle: {@link #open()} is called before the first write and again to reopen; a write after
 * {@link #close()} is preceded by a new {@link #open()}.
 */
public interface StreamTarget {

    /**
     * Opens the target, or reopens it when already open (keeping buffered partial lines).
     * Threading: writer thread.
     */
    void open() throws IOException;

    /**
     * Writes one chunk, exactly as the child produced it.
     *
     * <p>Threading: writer thread. {@code data} is the target's to keep; nobody else touches it.
     *
     * @param received wall-clock time the chunk was queued (from the writer's clock), for line stamps
     *                 and time-based rotation
     */
    void write(long pid, StreamId stream, byte[] data, Instant received) throws IOException;

    /** The process closed that stream: write its partial last line, if any. Threading: writer thread. */
    default void endOfStream(long pid, StreamId stream) throws IOException {
    }

    /**
     * Called once per writer batch before this target's first task in it (e.g. to stat the file).
     * Threading: writer thread.
     */
    default void beforeBatch() throws IOException {
    }

    /**
     * Hands buffered bytes to the operating system; called at the end of each batch and on flush.
     * Threading: writer thread.
     */
    void flush() throws IOException;

    /** Ends every partial line, flushes and releases the file. Threading: writer thread. */
    void close() throws IOException;
}
