package io.circus.stream;

import io.circus.process.StreamId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Cuts chunks into whole lines and stamps each one ({@code time_format}). Chunks are not aligned to
 * lines, so a partial trailing line is kept per (pid, stream) until its newline arrives or the process
 * closes the stream. Circus stamps each chunk instead and so prefixes the middle of split lines.
 *
 * <p>A line is stamped with the time its first byte was received. A partial line that reaches
 * {@link #MAX_LINE} bytes is written as a line of its own, so a child that never writes a newline
 * cannot make the daemon buffer without bound.
 *
 * <p>Threading: not thread-safe; owned by one target and used on the {@link StreamWriter} thread.
 */
public final class LineFramer {

    /** The longest partial line kept in memory. */
    public static final int MAX_LINE = 64 * 1024;

    /** How a complete line is written out. Threading: called on the thread using the framer (the writer). */
    @FunctionalInterface
    public interface LineFormat {
        /**
         * @param stamp the formatted time; {@code line[off, off+len)} excludes the newline
         */
        void append(ByteArrayOutputStream out, String stamp, long pid, byte[] line, int off, int len);
    }

    /** Circus's file format: {@code "<time> [<pid>] | <line>\n"}. */
    public static final LineFormat PLAIN = (out, stamp, pid, line, off, len) -> {
        out.writeBytes((stamp + " [" + pid + "] | ").getBytes(StandardCharsets.UTF_8));
        out.write(line, off, len);
        out.write('\n');
    };

    private record Key(long pid, StreamId stream) {
    }

    private static final class Partial {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Instant started;

        Partial(Instant started) {
            this.started = started;
        }
    }

    private final Strftime timeFormat;
    private final ZoneId zone;
    private final LineFormat format;
    private final Map<Key, Partial> partials = new HashMap<>();
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedStamp;

    public LineFramer(Strftime timeFormat, ZoneId zone, LineFormat format) {
        this.timeFormat = timeFormat;
        this.zone = zone;
        this.format = format;
    }

    /** Appends the complete lines of {@code data} to {@code out} and keeps its trailing partial line. */
    public void frame(long pid, StreamId stream, byte[] data, Instant received, ByteArrayOutputStream out) {
        Key key = new Key(pid, stream);
        Partial partial = partials.get(key);
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '\n') {
                continue;
            }
            if (partial != null) {
                partial.bytes.write(data, start, i - start);
                emit(out, pid, partial.bytes.toByteArray(), 0, partial.bytes.size(), partial.started);
                partials.remove(key);
                partial = null;
            } else {
                emit(out, pid, data, start, i - start, received);
            }
            start = i + 1;
        }
        if (start < data.length) {
            if (partial == null) {
                partial = new Partial(received);
                partials.put(key, partial);
            }
            partial.bytes.write(data, start, data.length - start);
            if (partial.bytes.size() >= MAX_LINE) {
                finish(pid, stream, out);
            }
        }
    }

    /** Writes the partial line of (pid, stream), if any, ended with a newline. */
    public void finish(long pid, StreamId stream, ByteArrayOutputStream out) {
        Partial partial = partials.remove(new Key(pid, stream));
        if (partial != null) {
            emit(out, pid, partial.bytes.toByteArray(), 0, partial.bytes.size(), partial.started);
        }
    }

    /** Writes every partial line (the stream is closing). */
    public void finishAll(ByteArrayOutputStream out) {
        for (Map.Entry<Key, Partial> e : partials.entrySet()) {
            Partial partial = e.getValue();
            emit(out, e.getKey().pid(), partial.bytes.toByteArray(), 0, partial.bytes.size(), partial.started);
        }
        partials.clear();
    }

    private void emit(ByteArrayOutputStream out, long pid, byte[] line, int off, int len, Instant time) {
        format.append(out, stamp(time), pid, line, off, len);
    }

    private String stamp(Instant time) {
        if (timeFormat.subSecond()) {
            return timeFormat.format(time.atZone(zone));
        }
        // Formatting dominates the cost of stamping; most lines share their second with the previous one.
        long second = time.getEpochSecond();
        if (second != cachedSecond) {
            cachedStamp = timeFormat.format(time.atZone(zone));
            cachedSecond = second;
        }
        return cachedStamp;
    }
}
