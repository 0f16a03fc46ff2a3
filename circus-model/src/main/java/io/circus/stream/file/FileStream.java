package io.circus.stream.file;

import io.circus.stream.StreamOptions;
import io.circus.stream.StreamTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circus's {@code FileStream}: appends to a file, optionally stamping lines and rotating by size.
 *
 * <p>Options: {@code filename} (path; default a new file in the temporary directory, as Circus),
 * {@code max_bytes} (long, default 0 = no rotation), {@code backup_count} (int, default 0),
 * {@code time_format} (strftime, default none).
 *
 * <p>Rotation: before a write, if {@code max_bytes > 0}, {@code backup_count > 0}, the file is not
 * empty and its size plus the write reaches {@code max_bytes}, then {@code f.(i)} becomes
 * {@code f.(i+1)} for i = backup_count-1..1 (the oldest is replaced), {@code f} becomes {@code f.1},
 * and a new {@code f} is opened. With {@code backup_count = 0} the file is never rotated: Circus
 * reopens it on every write without truncating, which only costs syscalls; its docs say no rollover.
 *
 * <p>Threading: a {@link StreamTarget}: construction on any thread (no I/O), the rest on the writer.
 */
public final class FileStream extends FileTarget {

    private static final Logger LOG = LoggerFactory.getLogger(FileStream.class);

    private final long maxBytes;
    private final int backupCount;
    private final FramedFile out;
    private final boolean temporary;
    private boolean warned;

    public FileStream(Map<String, String> options, Clock clock) {
        StreamOptions opts = new StreamOptions(options);
        opts.warnUnknown("FileStream", Set.of("filename", "max_bytes", "backup_count", "time_format"));
        this.temporary = opts.get("filename") == null;
        this.maxBytes = opts.integer("max_bytes", 0, 0);
        this.backupCount = (int) opts.integer("backup_count", 0, 0);
        this.out = new FramedFile(LogFile.fromOptions(opts), opts.timeFormat("time_format", null), clock, new BySize());
    }

    /** The file written to. */
    @Override
    FramedFile out() {
        return out;
    }

    @Override
    public void open() throws IOException {
        if (!warned) {
            warned = true;
            if (temporary) {
                LOG.info("FileStream without filename writes to {}", path());
            }
            if (maxBytes > 0 && backupCount == 0) {
                LOG.warn("{}: max_bytes without backup_count: the file is never rotated", path());
            }
        }
        out.file().open();
    }






    private final class BySize implements FramedFile.Rollover {

        @Override
        public boolean due(LogFile file, int incoming, Instant time) {
            // An empty file is never rotated: that would only push a real backup out for an empty one.
            return maxBytes > 0 && backupCount > 0 && file.size() > 0 && file.size() + incoming >= maxBytes;
        }

        @Override
        public void rollover(LogFile file, Instant time) throws IOException {
            Path base = file.path();
            file.close();
            try {
                for (int i = backupCount - 1; i >= 1; i--) {
                    Path source = backup(base, i);
                    if (Files.exists(source)) {
                        Files.move(source, backup(base, i + 1), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.move(base, backup(base, 1), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                file.open();
            }
        }

        private static Path backup(Path base, int index) {
            return base.resolveSibling(base.getFileName() + "." + index);
        }
    }
}
