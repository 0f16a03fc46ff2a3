package io.circus.stream;

import io.circus.process.StreamId;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LogStream} of a {@link StreamTarget}: every call becomes a task for the
 * {@link StreamWriter}, which runs the target.
 *
 * <p>Threading: the public methods may be called from any thread (see {@link LogStream}); the fields
 * below are touched only on the writer thread.
 */
final class QueuedLogStream implements LogStream {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedLogStream.class);

    @FunctionalInterface
    private interface Operation {
        void run() throws IOException;
    }

    private final StreamTarget target;
    private final StreamWriter writer;
    private boolean open;
    private long failures;

    QueuedLogStream(StreamTarget target, StreamWriter writer) {
        this.target = target;
        this.writer = writer;
    }

    @Override
    public void write(long pid, StreamId stream, byte[] data) {
        Instant received = writer.clock().instant();
        writer.submit(new StreamWriter.Task(this, data.length, () -> guarded(() -> {
            ensureOpen();
            target.write(pid, stream, data, received);
        })));
    }

    @Override
    public void endOfStream(long pid, StreamId stream) {
        writer.submit(new StreamWriter.Task(this, 0, () -> guarded(() -> {
            if (open) {
                target.endOfStream(pid, stream);
            }
        })));
    }

    @Override
    public void flush() {
        await(() -> {
            if (open) {
                target.flush();
            }
        }, false);
    }

    @Override
    public void close() {
        await(this::closeTarget, false);
    }

    @Override
    public void reopen() {
        await(() -> {
            target.open();
            markOpen();
        }, true);
    }

    /** Runs {@code op} on the writer after everything queued so far and waits for it. */
    private void await(Operation op, boolean failIfWriterClosed) {
        if (writer.isWriterThread()) {
            throw new IllegalStateException("a stream cannot be flushed, closed or reopened from the writer thread");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            writer.submit(new StreamWriter.Task(this, 0, () -> {
                try {
                    op.run();
                    done.complete(null);
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }));
        } catch (IllegalStateException writerClosed) {
            if (failIfWriterClosed) {
                throw writerClosed;
            }
            return; // The writer drained and closed every stream before stopping.
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted waiting for " + target));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(target + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) cause;
        }
    }

    /** Writer thread: the batch's first task for this stream is about to run. */
    void beforeBatch() {
        guarded(() -> {
            if (open) {
                target.beforeBatch();
            }
        });
    }

    /** Writer thread: the batch is done; hand the bytes to the OS. */
    void afterBatch() {
        guarded(() -> {
            if (open) {
                target.flush();
            }
        });
    }

    /** Writer thread: the writer is stopping. */
    void closeNow() {
        guarded(this::closeTarget);
    }

    private void ensureOpen() throws IOException {
        if (!open) {
            // Lazy reopen: a late writer (after close) must not lose its bytes.
            target.open();
            markOpen();
        }
    }

    private void markOpen() {
        open = true;
        writer.opened(this);
    }

    private void closeTarget() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        writer.closed(this);
        target.close();
    }

    /**
     * Runs a writer-side operation, logging the first failure of a run at WARN and the rest at DEBUG,
     * so a full disk does not flood the daemon log.
     */
    private void guarded(Operation op) {
        try {
            op.run();
            if (failures > 0) {
                LOG.info("{} works again after {} failed operation(s)", target, failures);
                failures = 0;
            }
        } catch (IOException | RuntimeException e) {
            if (failures++ == 0) {
                LOG.warn("{} failed, and the output it could not take is lost: {}", target, e.toString(), e);
            } else {
                LOG.debug("{} failed again: {}", target, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
