package io.circus.stream;

import io.circus.process.OutputSink;
import io.circus.process.StreamId;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a watcher's process output to its stdout and stderr {@link LogStream}s. The runtime builds
 * one per watcher and passes it in every spawn request; either stream may be null to discard.
 *
 * <p>Threading: the callbacks run on the launcher's I/O thread(s), possibly several at once for
 * different processes. They copy the chunk and queue it, never blocking and holding no lock.
 */
public final class StreamSink implements OutputSink {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSink.class);

    private final LogStream stdout;
    private final LogStream stderr;
    private final AtomicLong discardedAfterClose = new AtomicLong();
    private final OutputTail stdoutTail;
    private final OutputTail stderrTail;

    /**
     * @param stdout the watcher's stdout stream, or null to discard
     * @param stderr the watcher's stderr stream, or null to discard; may be the same object as stdout
     */
    public StreamSink(LogStream stdout, LogStream stderr) {
        this(stdout, stderr, null, null);
    }

    /** As {@link #StreamSink(LogStream, LogStream)}, also keeping the last lines of each stream (null: none). */
    public StreamSink(LogStream stdout, LogStream stderr, OutputTail stdoutTail, OutputTail stderrTail) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdoutTail = stdoutTail;
        this.stderrTail = stderrTail;
    }

    /** Threading: launcher I/O thread; copies {@code chunk} (without moving its position) and queues it. */
    @Override
    public void onOutput(long pid, StreamId stream, ByteBuffer chunk) {
        LogStream target = target(stream);
        if (target == null || !chunk.hasRemaining()) {
            return;
        }
        byte[] copy = new byte[chunk.remaining()];
        chunk.get(chunk.position(), copy);
        OutputTail tail = stream == StreamId.STDOUT ? stdoutTail : stderrTail;
        if (tail != null) {
            tail.append(pid, copy);
        }
        try {
            target.write(pid, stream, copy);
        } catch (IllegalStateException writerClosed) {
            discarded(pid, copy.length);
        }
    }

    /** Threading: launcher I/O thread; queues the end of the process's partial line, if any. */
    @Override
    public void onClosed(long pid, StreamId stream) {
        LogStream target = target(stream);
        if (target == null) {
            return;
        }
        OutputTail tail = stream == StreamId.STDOUT ? stdoutTail : stderrTail;
        if (tail != null) {
            tail.end(pid);
        }
        try {
            target.endOfStream(pid, stream);
        } catch (IllegalStateException writerClosed) {
            // Nothing left to end: closing the writer ended every partial line.
        }
    }

    private LogStream target(StreamId stream) {
        return stream == StreamId.STDOUT ? stdout : stderr;
    }

    /**
     * Output that arrives after the daemon closed its writer cannot be written; the runtime closes the
     * writer only once every child is gone, so this reports an ordering bug rather than a normal case.
     */
    private void discarded(long pid, int bytes) {
        if (discardedAfterClose.getAndAdd(bytes) == 0) {
            CompletableFuture.runAsync(() -> LOG.warn(
                    "output of pid {} arrived after the stream writer was closed and is discarded", pid));
        }
    }

    /** Bytes discarded because they arrived after the writer was closed (normally 0). */
    public long discardedBytes() {
        return discardedAfterClose.get();
    }
}
