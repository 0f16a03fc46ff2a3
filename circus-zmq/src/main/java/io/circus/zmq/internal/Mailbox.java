package io.circus.zmq.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Hands items from any thread to the one thread that owns a ZeroMQ socket. The owner polls its
 * sockets and {@link #wakeupChannel()} together in one ZeroMQ poller, so a posted item wakes it at
 * once without anyone touching its sockets and without interrupts (which JeroMQ does not survive).
 *
 * <p>Threading: {@link #post}, {@link #offer} and {@link #wake} from any thread; {@link #drain} only
 * from the owner thread. At most one wake-up byte is in the pipe at a time, so posting never blocks.
 */
public final class Mailbox<T> implements AutoCloseable {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final Pipe pipe;
    private final ByteBuffer drainBuffer = ByteBuffer.allocate(64);

    public Mailbox() {
        try {
            pipe = Pipe.open();
            pipe.source().configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a wake-up pipe", e);
        }
    }

    /** Register this for reading in the owner's poller. */
    public SelectableChannel wakeupChannel() {
        return pipe.source();
    }

    public void post(T item) {
        queue.add(item);
        size.incrementAndGet();
        wake();
    }

    /** Posts unless {@code capacity} items are already waiting; returns whether it was posted. */
    public boolean offer(T item, int capacity) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.add(item);
        wake();
        return true;
    }

    /** Items posted and not drained yet. */
    public int size() {
        return Math.max(0, size.get());
    }

    /** Makes the owner's next poll return, e.g. to see a stop flag. */
    public void wake() {
        if (signalled.compareAndSet(false, true)) {
            try {
                pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            } catch (ClosedChannelException e) {
                // Closed: the owner is gone and nobody waits for the item.
            } catch (IOException e) {
                throw new UncheckedIOException("wake-up pipe failed", e);
            }
        }
    }

    /**
     * Hands every waiting item to {@code sink}, in posting order. The pipe is emptied first, then the
     * flag cleared, then the queue read: an item posted meanwhile either is drained now or leaves a
     * wake-up byte. (Clearing the flag before emptying the pipe could swallow the byte of a post that
     * set the flag again, leaving the flag set and the pipe empty: the owner, blocked in its poller
     * without a timeout, would then never wake again.)
     */
    public void drain(Consumer<? super T> sink) {
        try {
            while (pipe.source().read(drainBuffer.clear()) > 0) {
                // Only the wake-up matters, not the bytes.
            }
        } catch (IOException e) {
            // A closed pipe has nothing to say; the queue is still drained.
        }
        signalled.set(false);
        T item;
        while ((item = queue.poll()) != null) {
            size.decrementAndGet();
            sink.accept(item);
        }
    }

    @Override
    public void close() {
        try {
            pipe.sink().close();
        } catch (IOException ignored) {
            // Nothing to release beyond the descriptor.
        }
        try {
            pipe.source().close();
        } catch (IOException ignored) {
            // Same.
        }
    }
}
