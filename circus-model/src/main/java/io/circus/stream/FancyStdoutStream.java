package io.circus.stream;

import io.circus.process.StreamId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Circus's {@code FancyStdoutStream}: each non-empty line on the daemon's stdout, coloured per watcher,
 * as {@code ESC[0;3<N>;40m<time> [<pid>] | <line>ESC[0m}.
 *
 * <p>Options: {@code color} (red, green, yellow, blue, magenta, cyan, white; any case; unknown or
 * missing picks one at random, as Circus), {@code time_format} (default {@code %Y-%m-%d %H:%M:%S}).
 * Lines are framed as in {@link LineFramer}: a line split across reads gets one prefix.
 *
 * <p>Threading: a {@link StreamTarget}: writer thread only.
 */
public final class FancyStdoutStream implements StreamTarget {

    static final List<String> COLORS = List.of("red", "green", "yellow", "blue", "magenta", "cyan", "white");
    static final String DEFAULT_TIME_FORMAT = "%Y-%m-%d %H:%M:%S";

    private final OutputStream out;
    private final int colorCode;
    private final LineFramer framer;
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream();

    public FancyStdoutStream(Map<String, String> options, Clock clock) {
        this(options, clock, System.out, RandomGenerator.getDefault());
    }

    FancyStdoutStream(Map<String, String> options, Clock clock, OutputStream out, RandomGenerator random) {
        StreamOptions opts = new StreamOptions(options);
        opts.warnUnknown("FancyStdoutStream", Set.of("color", "time_format"));
        String color = opts.get("color");
        int index = color == null ? -1 : COLORS.indexOf(color.toLowerCase(Locale.ROOT));
        if (index < 0) {
            index = random.nextInt(COLORS.size());
        }
        this.colorCode = index + 1;
        byte[] start = ("\033[0;3" + colorCode + ";40m").getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\033[0m\n".getBytes(StandardCharsets.US_ASCII);
        LineFramer.LineFormat format = (buf, stamp, pid, line, off, len) -> {
            if (len == 0) {
                return; // Circus skips empty lines here (not in files).
            }
            buf.writeBytes(start);
            buf.writeBytes((stamp + " [" + pid + "] | ").getBytes(StandardCharsets.UTF_8));
            buf.write(line, off, len);
            buf.writeBytes(end);
        };
        this.framer = new LineFramer(opts.timeFormat("time_format", DEFAULT_TIME_FORMAT), clock.getZone(), format);
        this.out = out;
    }

    /** The ANSI colour number, 1 (red) to 7 (white). */
    int colorCode() {
        return colorCode;
    }

    @Override
    public void open() {
        // The daemon's stdout is always open, and is never ours to close.
    }

    @Override
    public void write(long pid, StreamId stream, byte[] data, Instant received) throws IOException {
        framer.frame(pid, stream, data, received, scratch);
        drain();
    }

    @Override
    public void endOfStream(long pid, StreamId stream) throws IOException {
        framer.finish(pid, stream, scratch);
        drain();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        framer.finishAll(scratch);
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (scratch.size() > 0) {
            scratch.writeTo(out);
            scratch.reset();
        }
    }

    @Override
    public String toString() {
        return "FancyStdoutStream";
    }
}
