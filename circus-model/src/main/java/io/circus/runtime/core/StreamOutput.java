package io.circus.runtime.core;

import io.circus.config.StreamConfig;
import io.circus.config.WatcherConfig;
import io.circus.process.OutputSink;
import io.circus.process.Stdio;
import io.circus.stream.LogStream;
import io.circus.stream.LogStreams;
import io.circus.stream.OutputTail;
import io.circus.process.StreamId;
import java.util.List;
import io.circus.stream.StreamSink;
import io.circus.stream.StreamWriter;

/**
 * A watcher's output through {@code stdout_stream} / {@code stderr_stream}: a configured stream is
 * piped and written by the daemon's single stream writer; an unconfigured one goes straight to the
 * daemon's own stdout or stderr, as in Circus.
 */
final class StreamOutput implements WatcherOutput {

    private final LogStream stdout;
    private final LogStream stderr;
    private final OutputSink sink;
    private final OutputTail stdoutTail;
    private final OutputTail stderrTail;

    private StreamOutput(LogStream stdout, LogStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdoutTail = stdout != null ? new OutputTail() : null;
        this.stderrTail = stderr != null ? new OutputTail() : null;
        this.sink = stdout == null && stderr == null ? null : new StreamSink(stdout, stderr, stdoutTail, stderrTail);
    }

    @Override
    public List<String> tail(StreamId stream, int lines) {
        OutputTail t = stream == StreamId.STDOUT ? stdoutTail : stderrTail;
        return t == null ? List.of() : t.last(lines);
    }

    /** The factory writing through {@code writer}. */
    static WatcherOutputFactory factory(StreamWriter writer) {
        return config -> {
            LogStream out = open(config, "stdout_stream", config.stdoutStream(), writer);
            try {
                return new StreamOutput(out, open(config, "stderr_stream", config.stderrStream(), writer));
            } catch (IllegalArgumentException e) {
                if (out != null) {
                    out.close();
                }
                throw e;
            }
        };
    }

    /** Checks both streams of a definition without opening anything. */
    static void validate(WatcherConfig config) {
        check(config, "stdout_stream", config.stdoutStream());
        check(config, "stderr_stream", config.stderrStream());
    }

    private static void check(WatcherConfig config, String key, StreamConfig stream) {
        try {
            LogStreams.validate(stream);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("watcher '" + config.name() + "': " + key + ": " + e.getMessage(), e);
        }
    }

    private static LogStream open(WatcherConfig config, String key, StreamConfig stream, StreamWriter writer) {
        if (!stream.isConfigured() && stream.options().isEmpty()) {
            return null;
        }
        try {
            return LogStreams.open(stream, writer);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("watcher '" + config.name() + "': " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Stdio stdout() {
        return stdout != null ? Stdio.PIPE : Stdio.INHERIT;
    }

    @Override
    public Stdio stderr() {
        return stderr != null ? Stdio.PIPE : Stdio.INHERIT;
    }

    @Override
    public OutputSink sink() {
        return sink;
    }

    @Override
    public void reopen() {
        if (stdout != null) {
            stdout.reopen();
        }
        if (stderr != null) {
            stderr.reopen();
        }
    }

    @Override
    public void close() {
        if (stdout != null) {
            stdout.close();
        }
        if (stderr != null) {
            stderr.close();
        }
    }
}
