package io.circus.stream.file;

import io.circus.stream.StreamOptions;
import io.circus.stream.StreamTarget;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Circus's {@code TimedRotatingFileStream}: rolls the file over at times given by a
 * {@link RolloverSchedule}, renaming it {@code <filename>.<period start>} and keeping the newest
 * {@code backup_count} backups (0 keeps all).
 *
 * <p>Options: {@code filename}, {@code rotate_when} (required; S, M, H, D, MIDNIGHT, W0-W6, any
 * case), {@code rotate_interval} (int &gt;= 1, default 1), {@code backup_count} (int, default 0),
 * {@code utc} (boolean, default false: rotation times and suffixes in the writer clock's zone),
 * {@code time_format} (strftime, default none; stamps always use the clock's zone, as Circus).
 *
 * <p>The check runs on the writer before each write, against the time the chunk was received, so a
 * quiet file is rotated by its next write. If a backup of the same name exists (a restart within the
 * same period), the file is appended to it instead of replacing it as Circus does, losing the older one.
 *
 * <p>Threading: a {@link StreamTarget}: construction on any thread (no I/O), the rest on the writer.
 */
public final class TimedRotatingFileStream extends FileTarget {

    private final Clock clock;
    private final RolloverSchedule schedule;
    private final int backupCount;
    private final FramedFile out;
    private Instant rolloverAt;

    public TimedRotatingFileStream(Map<String, String> options, Clock clock) {
        StreamOptions opts = new StreamOptions(options);
        opts.warnUnknown("TimedRotatingFileStream",
                Set.of("filename", "backup_count", "time_format", "rotate_when", "rotate_interval", "utc"));
        this.clock = clock;
        boolean utc = opts.bool("utc", false);
        this.schedule = RolloverSchedule.fromOptions(opts, utc ? ZoneOffset.UTC : clock.getZone());
        this.backupCount = (int) opts.integer("backup_count", 0, 0);
        this.out = new FramedFile(LogFile.fromOptions(opts), opts.timeFormat("time_format", null), clock,
                new ByTime());
    }

    @Override
    FramedFile out() {
        return out;
    }

    @Override
    public void open() throws IOException {
        if (rolloverAt == null) {
            Path path = path();
            Instant start = Files.exists(path) ? Files.getLastModifiedTime(path).toInstant() : clock.instant();
            rolloverAt = schedule.next(start);
        }
        out.file().open();
    }






    private final class ByTime implements FramedFile.Rollover {

        @Override
        public boolean due(LogFile file, int incoming, Instant time) {
            return rolloverAt != null && !time.isBefore(rolloverAt);
        }

        @Override
        public void rollover(LogFile file, Instant time) throws IOException {
            Path base = file.path();
            Path backup = base.resolveSibling(base.getFileName() + "." + schedule.suffix(schedule.periodStart(rolloverAt)));
            file.close();
            try {
                if (Files.exists(backup)) {
                    appendAndDelete(base, backup);
                } else if (Files.exists(base)) {
                    Files.move(base, backup);
                }
                if (backupCount > 0) {
                    prune(base);
                }
            } finally {
                // Advance even after a failure, or every later write would retry (and log) the rotation.
                Instant next = schedule.next(time);
                while (!next.isAfter(time)) {
                    next = schedule.next(next);
                }
                rolloverAt = next;
                file.open();
            }
        }

        private static void appendAndDelete(Path source, Path target) throws IOException {
            if (!Files.exists(source)) {
                return;
            }
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                 FileChannel dest = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                long size = in.size();
                long done = 0;
                while (done < size) {
                    done += in.transferTo(done, size - done, dest);
                }
            }
            Files.delete(source);
        }

        /** Deletes the oldest backups beyond {@code backup_count}; suffixes sort by time. */
        private void prune(Path base) throws IOException {
            String prefix = base.getFileName() + ".";
            List<Path> backups;
            try (Stream<Path> siblings = Files.list(base.toAbsolutePath().getParent())) {
                backups = siblings
                        .filter(p -> {
                            String name = p.getFileName().toString();
                            return name.startsWith(prefix) && schedule.isSuffix(name.substring(prefix.length()));
                        })
                        .sorted()
                        .toList();
            }
            for (int i = 0; i < backups.size() - backupCount; i++) {
                Files.deleteIfExists(backups.get(i));
            }
        }
    }
}
