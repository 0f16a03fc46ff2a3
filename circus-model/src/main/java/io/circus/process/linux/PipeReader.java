package io.circus.process.linux;

import static io.circus.process.linux.LinuxConstants.EAGAIN;
import static io.circus.process.linux.LinuxConstants.EINTR;
import static io.circus.process.linux.LinuxConstants.EPOLLIN;

import io.circus.os.linux.Libc;
import io.circus.process.OutputSink;
import io.circus.process.StreamId;
import java.lang.foreign.MemorySegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one non-blocking pipe (a child's stdout or stderr) on the event loop and hands each chunk
 * to the sink as a direct buffer over the loop's read buffer.
 *
 * <p>Threading: loop thread only, after {@link #start()}.
 */
final class PipeReader implements EventLoop.Handler {

    /** Reads per readiness event, so one chatty child cannot starve the others (level-triggered). */
    private static final int READS_PER_EVENT = 16;
    private static final Logger LOG = LoggerFactory.getLogger(PipeReader.class);

    private final EventLoop loop;
    private final int fd;
    private final long pid;
    private final StreamId stream;
    private final OutputSink sink;
    private final Runnable onClosed;
    private final long token;
    private boolean open = true;

    PipeReader(EventLoop loop, int fd, long pid, StreamId stream, OutputSink sink, Runnable onClosed) {
        this.loop = loop;
        this.fd = fd;
        this.pid = pid;
        this.stream = stream;
        this.sink = sink;
        this.onClosed = onClosed;
        this.token = loop.newToken();
    }

    /** Registers with the loop; any thread, once. */
    void start() {
        loop.register(fd, EPOLLIN, token, this);
    }

    boolean isOpen() {
        return open;
    }

    @Override
    public void onEvents(int events) {
        readSome(READS_PER_EVENT);
    }

    /** After the grace period: take what is buffered now, then cut the pipe off. */
    void drainAndClose() {
        if (open) {
            readSome(READS_PER_EVENT);
            close();
        }
    }

    private void readSome(int budget) {
        MemorySegment buffer = loop.readBuffer();
        while (open && budget-- > 0) {
            long n = Libc.read(fd, buffer, buffer.byteSize());
            if (n > 0) {
                deliver(buffer, n);
            } else if (n == -EAGAIN) {
                return;
            } else if (n != -EINTR) {
                if (n < 0) {
                    LOG.warn("read from {} of pid {} failed: {}", stream.circusName(), pid, Libc.strerror((int) -n));
                }
                close();
            }
        }
    }

    private void deliver(MemorySegment buffer, long n) {
        try {
            sink.onOutput(pid, stream, buffer.asSlice(0, n).asByteBuffer());
        } catch (Throwable t) {
            LOG.error("output sink failed for {} of pid {}", stream.circusName(), pid, t);
        }
    }

    /** Closes a pipe that never made it into the loop (a failed spawn); no callbacks. */
    void closeUnregistered() {
        if (open) {
            open = false;
            Libc.close(fd);
        }
    }

    /** Removes, closes and reports end of file; loop thread, also when the launcher stops. */
    void close() {
        if (!open) {
            return;
        }
        open = false;
        loop.unregister(fd, token);
        Libc.close(fd);
        try {
            sink.onClosed(pid, stream);
        } catch (Throwable t) {
            LOG.error("output sink failed at end of {} of pid {}", stream.circusName(), pid, t);
        }
        onClosed.run();
    }
}
