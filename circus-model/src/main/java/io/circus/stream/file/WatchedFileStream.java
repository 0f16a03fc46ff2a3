package io.circus.stream.file;

import io.circus.stream.StreamOptions;
import io.circus.stream.StreamTarget;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Circus's {@code WatchedFileStream}: a file rotated by an external tool (logrotate). Before each
 * writer batch that has output for it, the path is stat'ed; if the file there is not the one open (moved
 * away, deleted, replaced: device or inode differ), the file is reopened at the path. Bytes written
 * before the move stay in the moved file.
 *
 * <p>Options: {@code filename} (path), {@code time_format} (strftime, default none).
 *
 * <p>Circus stats before every chunk; once per batch costs less and sees the same moves, because a
 * batch is only as old as the queue's backlog.
 *
 * <p>Threading: a {@link StreamTarget}: construction on any thread (no I/O), the rest on the writer.
 */
public final class WatchedFileStream extends FileTarget {

    private final FramedFile out;

    public WatchedFileStream(Map<String, String> options, Clock clock) {
        StreamOptions opts = new StreamOptions(options);
        opts.warnUnknown("WatchedFileStream", Set.of("filename", "time_format"));
        this.out = new FramedFile(LogFile.fromOptions(opts), opts.timeFormat("time_format", null), clock,
                FramedFile.NEVER);
    }

    @Override
    FramedFile out() {
        return out;
    }

    @Override
    public void open() throws IOException {
        out.file().open();
    }

    @Override
    public void beforeBatch() throws IOException {
        LogFile file = out.file();
        if (file.isOpen() && !Objects.equals(file.openedKey(), LogFile.keyOf(file.path()))) {
            file.open();
        }
    }





}
