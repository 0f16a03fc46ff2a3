package io.circus.process;

import java.nio.ByteBuffer;

/**
 * Receives what a child writes on a piped stdout or stderr.
 *
 * <p>Threading: both methods are called by the launcher's I/O thread (the epoll loop of the native
 * backend, or the stream's reader thread of the portable one), in order, never concurrently for the
 * same stream. They must not block: copy the bytes and hand them to another thread. The buffer is
 * valid only during the call.
 *
 * <p>Ordering guarantee: for a process, {@link #onClosed} is called for every piped stream before
 * {@link ManagedProcess#onExit()} completes, so a sink that has seen {@code onClosed} has seen every
 * byte the child wrote.
 */
public interface OutputSink {

    /** A chunk of output, not aligned to lines. */
    void onOutput(long pid, StreamId stream, ByteBuffer chunk);

    /** The stream reached end of file (the child and all its descendants closed it). */
    void onClosed(long pid, StreamId stream);

    /** A sink that discards everything. */
    OutputSink DISCARD = new OutputSink() {
        @Override
        public void onOutput(long pid, StreamId stream, ByteBuffer chunk) {
        }

        @Override
        public void onClosed(long pid, StreamId stream) {
        }
    };
}
