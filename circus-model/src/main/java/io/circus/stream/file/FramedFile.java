package io.circus.stream.file;

import io.circus.process.StreamId;
import io.circus.stream.LineFramer;
import io.circus.stream.Strftime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three file streams share: the log file, the optional line stamping, and a rollover check
 * made before each write. A write is the bytes of one chunk (with {@code time_format}, the whole lines
 * it completed), so rotation falls between writes and never splits a line a chunk carried whole.
 *
 * <p>Threading: stream writer thread only.
 */
final class FramedFile {

    private static final Logger LOG = LoggerFactory.getLogger(FramedFile.class);

    /** When and how the file is rotated. Threading: both methods run on the writer thread. */
    interface Rollover {
        /** Whether the file must be rotated before {@code incoming} more bytes received at {@code time}. */
        boolean due(LogFile file, int incoming, Instant time);

        /** Rotates: on return the file must be open (a fresh one) whether or not renaming worked. */
        void rollover(LogFile file, Instant time) throws IOException;
    }

    static final Rollover NEVER = new Rollover() {
        @Override
        public boolean due(LogFile file, int incoming, Instant time) {
            return false;
        }

        @Override
        public void rollover(LogFile file, Instant time) {
        }
    };

    private final LogFile file;
    private final LineFramer framer;
    private final Clock clock;
    private final Rollover rollover;
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream();

    /** @param timeFormat null to write chunks unchanged */
    FramedFile(LogFile file, Strftime timeFormat, Clock clock, Rollover rollover) {
        this.file = file;
        this.framer = timeFormat == null ? null : new LineFramer(timeFormat, clock.getZone(), LineFramer.PLAIN);
        this.clock = clock;
        this.rollover = rollover;
    }

    LogFile file() {
        return file;
    }

    void write(long pid, StreamId stream, byte[] data, Instant received) throws IOException {
        if (framer == null) {
            append(data, received);
        } else {
            framer.frame(pid, stream, data, received, scratch);
            appendScratch(received);
        }
    }

    void endOfStream(long pid, StreamId stream) throws IOException {
        if (framer != null) {
            framer.finish(pid, stream, scratch);
            appendScratch(clock.instant());
        }
    }

    void flush() throws IOException {
        file.flush();
    }

    void close() throws IOException {
        try {
            if (framer != null) {
                framer.finishAll(scratch);
                appendScratch(clock.instant());
            }
        } finally {
            file.close();
        }
    }

    private void append(byte[] data, Instant time) throws IOException {
        prepare(data.length, time);
        file.write(data);
    }

    private void appendScratch(Instant time) throws IOException {
        if (scratch.size() == 0) {
            return;
        }
        try {
            prepare(scratch.size(), time);
            file.write(scratch);
        } finally {
            scratch.reset();
        }
    }

    private void prepare(int incoming, Instant time) throws IOException {
        file.ensureOpen();
        if (!rollover.due(file, incoming, time)) {
            return;
        }
        try {
            rollover.rollover(file, time);
        } catch (IOException | RuntimeException e) {
            // Keep writing to the unrotated file: a failed rename must not cost the chunk.
            LOG.warn("cannot rotate {}: {}", file.path(), e.toString());
        }
        file.ensureOpen();
    }
}
