package io.circus.stats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * Per-pid {@code /proc} files kept open between stats rounds and read with {@code pread}: one
 * system call per read instead of open, read and close, which were most of a round's kernel time.
 * An open {@code /proc/<pid>/...} file stays bound to the process it was opened for: once that
 * process is reaped, reads fail (ESRCH), so a reused pid is never read through a stale handle; the
 * caller {@link #forget}s a pid it found gone.
 *
 * <p>At most {@code limit} files are held open by all instances together (a quarter of the soft
 * {@code RLIMIT_NOFILE}, so stats never starve spawns of descriptors); beyond that a read opens and
 * closes the file as before.
 *
 * <p>Threading: thread-safe. Each thread reads into its own buffer; a handle closed by another thread
 * (forget, or an interrupt, which closes a {@link FileChannel}) is replaced by a fresh open.
 */
final class OpenProcFiles implements AutoCloseable {

    /** A quarter of the soft open-files limit, read once. */
    static final int DEFAULT_LIMIT = defaultLimit();

    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(4096));

    private final LongFunction<Path> path;
    private final int limit;
    private final ConcurrentHashMap<Long, FileChannel> open = new ConcurrentHashMap<>();
    /** Files held open by every instance in this JVM: the limit is on the process's descriptors. */
    private static final AtomicInteger COUNT = new AtomicInteger();

    /** @param path the file of a pid; asked only when the file is opened */
    OpenProcFiles(LongFunction<Path> path, int limit) {
        this.path = path;
        this.limit = limit;
    }

    /**
     * Reads the whole file of {@code pid} into this thread's buffer (flipped: position 0, limit the
     * length), or returns null when it cannot be read (the process is gone). The buffer is reused by
     * the next read on this thread, and grows when a file does not fit.
     */
    ByteBuffer read(long pid) {
        FileChannel channel = open.get(pid);
        if (channel != null) {
            ByteBuffer buffer = pread(channel);
            if (buffer != null) {
                return buffer;
            }
            boolean gone = channel.isOpen(); // A read failed on a live handle: the process was reaped.
            forget(pid);
            if (gone) {
                return null;
            }
        }
        FileChannel fresh;
        try {
            fresh = FileChannel.open(path.apply(pid), StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        ByteBuffer buffer = pread(fresh);
        if (buffer != null && COUNT.incrementAndGet() <= limit && open.putIfAbsent(pid, fresh) == null) {
            return buffer;
        }
        if (buffer != null) {
            COUNT.decrementAndGet();
        }
        closeQuietly(fresh);
        return buffer;
    }

    /** Closes the file of a pid that is gone or no longer sampled. */
    void forget(long pid) {
        FileChannel channel = open.remove(pid);
        if (channel != null) {
            COUNT.decrementAndGet();
            closeQuietly(channel);
        }
    }

    int openCount() {
        return open.size();
    }

    @Override
    public void close() {
        for (Long pid : open.keySet()) {
            forget(pid);
        }
    }

    private static ByteBuffer pread(FileChannel channel) {
        ByteBuffer buffer = BUFFERS.get().clear();
        try {
            while (channel.read(buffer, buffer.position()) > 0) {
                if (!buffer.hasRemaining()) {
                    ByteBuffer larger = ByteBuffer.allocate(buffer.capacity() * 2);
                    larger.put(buffer.flip());
                    BUFFERS.set(larger);
                    buffer = larger;
                }
            }
            return buffer.flip();
        } catch (IOException e) {
            // ESRCH once the process is reaped, or a handle closed under us (ClosedChannelException).
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written; nothing to lose.
        }
    }

    /** A quarter of the soft open-files limit from {@code /proc/self/limits}; 256 when unknown. */
    private static int defaultLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
                    return soft.equals("unlimited") ? 1 << 16 : (int) Math.min(1 << 16, Long.parseLong(soft) / 4);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an odd format: stay modest.
        }
        return 256;
    }
}
