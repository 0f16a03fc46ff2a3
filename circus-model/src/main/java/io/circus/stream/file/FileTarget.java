package io.circus.stream.file;

import io.circus.process.StreamId;
import io.circus.stream.StreamTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the file streams share: writing, framing and closing go to their {@link FramedFile}; each
 * stream adds only how it opens and when it rolls over. Runs on the writer thread, like every target.
 */
abstract sealed class FileTarget implements StreamTarget permits FileStream, WatchedFileStream, TimedRotatingFileStream {

    /** The framed file this stream writes to. */
    abstract FramedFile out();

    public Path path() {
        return out().file().path();
    }

    @Override
    public void write(long pid, StreamId stream, byte[] data, Instant received) throws IOException {
        out().write(pid, stream, data, received);
    }

    @Override
    public void endOfStream(long pid, StreamId stream) throws IOException {
        out().endOfStream(pid, stream);
    }

    @Override
    public void flush() throws IOException {
        out().flush();
    }

    @Override
    public void close() throws IOException {
        out().close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + path() + ")";
    }
}
