package io.circus.stream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that does all output-stream I/O for the daemon. Streams queue chunks here without
 * blocking; this thread writes them in queue order (so in order per stream), in batches, and flushes
 * each stream touched at the end of a batch.
 *
 * <p>Nothing is dropped: the queue is unbounded. {@link #queuedBytes()} tells how far behind the
 * writer is, and a warning is logged once each time it rises above the high-water mark (re-armed when
 * it falls below half of it).
 *
 * <p>The clock gives wall time for line stamps and time-based rotation; tests pass their own.
 *
 * <p>Threading: all methods may be called from any thread. {@link #close()} blocks.
 */
public final class StreamWriter implements AutoCloseable {

    public static final long DEFAULT_HIGH_WATER_BYTES = 64L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(StreamWriter.class);
    private static final int MAX_BATCH = 1024;

    /** One unit of work; {@code owner} is null only for the stop marker. */
    record Task(QueuedLogStream owner, long bytes, Runnable action) {
    }

    private static final Task STOP = new Task(null, 0, () -> { });

    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean aboveHighWater = new AtomicBoolean();
    private final AtomicInteger submitting = new AtomicInteger();
    /** Whether the first submission started the thread; close() waits for submissions, so it sees this. */
    private final AtomicBoolean started = new AtomicBoolean();
    private final long highWaterBytes;
    private final Clock clock;
    private final Thread thread;
    // Streams currently open; touched only on the writer thread, so close() can close them all.
    private final Set<QueuedLogStream> open = new LinkedHashSet<>();
    private volatile boolean closed;

    public StreamWriter() {
        this(Clock.systemDefaultZone(), DEFAULT_HIGH_WATER_BYTES);
    }

    public StreamWriter(Clock clock, long highWaterBytes) {
        if (highWaterBytes <= 0) {
            throw new IllegalArgumentException("high-water mark must be positive: " + highWaterBytes);
        }
        this.clock = clock;
        this.highWaterBytes = highWaterBytes;
        // A platform thread: it blocks in file I/O, which would pin a carrier anyway. Started by the
        // first write, so a daemon whose watchers configure no stream has no such thread.
        this.thread = Thread.ofPlatform().daemon().name("circus-stream-writer").unstarted(this::run);
    }

    /** The wall clock for stamps and rotation. */
    public Clock clock() {
        return clock;
    }

    /** Bytes queued and not written yet. */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    public long highWaterBytes() {
        return highWaterBytes;
    }

    public boolean isClosed() {
        return closed;
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Queues a task; never blocks. */
    void submit(Task task) {
        // The counter lets close() wait for submissions racing with it, so none lands after STOP.
        submitting.incrementAndGet();
        try {
            if (closed) {
                throw new IllegalStateException("the stream writer is closed");
            }
            long queued = queuedBytes.addAndGet(task.bytes());
            queue.add(task);
            if (!started.get() && started.compareAndSet(false, true)) {
                thread.start();
            }
            if (queued > highWaterBytes && !aboveHighWater.get() && aboveHighWater.compareAndSet(false, true)) {
                // Logged elsewhere: an appender may block, and this may be the launcher's I/O thread.
                CompletableFuture.runAsync(() -> LOG.warn(
                        "output streams are {} bytes behind (high-water mark {}); the disk may be slow or full",
                        queued, highWaterBytes));
            }
        } finally {
            submitting.decrementAndGet();
        }
    }

    void opened(QueuedLogStream stream) {
        open.add(stream);
    }

    void closed(QueuedLogStream stream) {
        open.remove(stream);
    }

    private void run() {
        List<Task> batch = new ArrayList<>(MAX_BATCH);
        Set<QueuedLogStream> touched = new LinkedHashSet<>();
        boolean running = true;
        while (running) {
            batch.add(take());
            queue.drainTo(batch, MAX_BATCH - 1);
            for (Task task : batch) {
                if (task == STOP) {
                    running = false;
                    continue;
                }
                try {
                    if (touched.add(task.owner())) {
                        task.owner().beforeBatch();
                    }
                    task.action().run();
                } catch (Throwable t) {
                    // Streams report their own failures; this net only keeps the one writer alive.
                    LOG.error("unexpected failure in output stream {}", task.owner(), t);
                } finally {
                    queuedBytes.addAndGet(-task.bytes());
                }
            }
            for (QueuedLogStream stream : touched) {
                stream.afterBatch();
            }
            touched.clear();
            batch.clear();
            if (aboveHighWater.get() && queuedBytes.get() < highWaterBytes / 2) {
                aboveHighWater.set(false);
                LOG.info("output streams caught up ({} bytes queued)", queuedBytes.get());
            }
        }
        for (QueuedLogStream stream : List.copyOf(open)) {
            stream.closeNow();
        }
    }

    private Task take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() ends this thread, after draining; an interrupt must not lose queued bytes.
            }
        }
    }

    /**
     * Stops accepting writes, writes everything queued, closes every open stream (ending partial
     * lines) and ends the thread. Later writes throw IllegalStateException; flush and close of a stream
     * return at once. Idempotent.
     *
     * <p>Threading: any thread but the writer's; blocks until done.
     */
    @Override
    public void close() {
        if (isWriterThread()) {
            throw new IllegalStateException("the stream writer cannot close itself");
        }
        synchronized (this) {
            if (!closed) {
                closed = true;
                while (submitting.get() > 0) {
                    // Submissions in progress finish in microseconds: they never block.
                    Thread.onSpinWait();
                    LockSupport.parkNanos(1_000);
                }
                queue.add(STOP);
            }
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
