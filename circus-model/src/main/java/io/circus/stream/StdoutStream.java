package io.circus.stream;

import io.circus.process.StreamId;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Circus's {@code StdoutStream}: the children's bytes, unchanged, on the daemon's own stdout. Takes no
 * options (Circus ignores any it is given; we log them).
 *
 * <p>Bytes are written raw; Circus decodes them as UTF-8 with replacement first, which mangles
 * non-UTF-8 output.
 *
 * <p>Threading: a {@link StreamTarget}: writer thread only.
 */
public final class StdoutStream implements StreamTarget {

    private final OutputStream out;

    public StdoutStream(Map<String, String> options) {
        this(options, System.out);
    }

    StdoutStream(Map<String, String> options, OutputStream out) {
        new StreamOptions(options).warnUnknown("StdoutStream", Set.of());
        this.out = out;
    }

    @Override
    public void open() {
        // The daemon's stdout is always open, and is never ours to close.
    }

    @Override
    public void write(long pid, StreamId stream, byte[] data, Instant received) throws IOException {
        out.write(data);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    @Override
    public String toString() {
        return "StdoutStream";
    }
}
