package io.circus.stream;

import static io.circus.process.StreamId.STDOUT;
import static io.circus.stream.StreamFixtures.config;
import static io.circus.stream.StreamFixtures.emit;
import static io.circus.stream.StreamFixtures.names;
import static io.circus.stream.StreamFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.StreamConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimedRotatingFileStreamTest {

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T04:11:11Z"), ZoneOffset.UTC);
    private StreamWriter writer = new StreamWriter(clock, StreamWriter.DEFAULT_HIGH_WATER_BYTES);

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    private void write(LogStream stream, String text) {
        emit(new StreamSink(stream, null), 9, STDOUT, text);
        stream.flush();
    }

    @Test
    void rotatesEveryMinuteNamingTheBackupAfterItsPeriod() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("TimedRotatingFileStream", "filename", file, "rotate_when", "M"), writer);

        write(stream, "a\n");
        clock.set(Instant.parse("2026-11-28T04:12:10Z"));
        write(stream, "b\n");
        clock.set(Instant.parse("2026-11-28T04:12:11Z"));
        write(stream, "c\n");

        assertEquals(List.of("out.log", "out.log.202611280411"), names(dir));
        assertEquals("a\nb\n", read(dir.resolve("out.log.202611280411")));
        assertEquals("c\n", read(file));
    }

    @Test
    void keepsOnlyTheNewestBackups() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("TimedRotatingFileStream", "filename", file, "rotate_when", "S",
                "backup_count", "2"), writer);
        for (int i = 0; i < 5; i++) {
            write(stream, i + "\n");
            clock.advance(Duration.ofSeconds(1));
        }

        assertEquals(List.of("out.log", "out.log.20261128041113", "out.log.20261128041114"), names(dir));
        assertEquals("2\n", read(dir.resolve("out.log.20261128041113")));
        assertEquals("3\n", read(dir.resolve("out.log.20261128041114")));
        assertEquals("4\n", read(file));
    }

    @Test
    void intervalMultipliesTheUnitAndRotateWhenIgnoresCase() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("TimedRotatingFileStream", "filename", file, "rotate_when", "h",
                "rotate_interval", "2"), writer);
        write(stream, "a\n");
        clock.advance(Duration.ofMinutes(119));
        write(stream, "b\n");
        assertEquals(List.of("out.log"), names(dir));
        clock.advance(Duration.ofMinutes(1));
        write(stream, "c\n");

        assertEquals("a\nb\n", read(dir.resolve("out.log.2026112804")));
        assertEquals("c\n", read(file));
    }

    @Test
    void firstRolloverCountsFromTheExistingFilesMtime() throws Exception {
        Path file = dir.resolve("out.log");
        Files.writeString(file, "old\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-28T03:00:00Z")));
        LogStream stream = LogStreams.open(config("TimedRotatingFileStream", "filename", file, "rotate_when", "H"), writer);

        write(stream, "new\n"); // 04:11:11 is past 03:00 + 1 h: rotates first.

        assertEquals("old\n", read(dir.resolve("out.log.2026112803")));
        assertEquals("new\n", read(file));
    }

    @Test
    void midnightInLowerCaseAndUtcFalseMeansLocalTime() {
        SettableClock local = new SettableClock(Instant.parse("2026-11-28T18:59:30Z"), ZoneOffset.ofHours(5));
        writer.close();
        writer = new StreamWriter(local, StreamWriter.DEFAULT_HIGH_WATER_BYTES);
        Path file = dir.resolve("out.log");
        // Circus's bool("False") is true; here it is false: rotation follows the local (+05:00) midnight.
        LogStream stream = LogStreams.open(config("TimedRotatingFileStream", "filename", file,
                "rotate_when", "midnight", "utc", "False"), writer);

        write(stream, "before\n");
        local.set(Instant.parse("2026-11-28T19:00:05Z"));
        write(stream, "after\n");

        assertEquals("before\n", read(dir.resolve("out.log.20261128")));
        assertEquals("after\n", read(file));
    }

    @Test
    void utcTrueRotatesAtUtcMidnight() {
        SettableClock local = new SettableClock(Instant.parse("2026-11-28T18:59:30Z"), ZoneOffset.ofHours(5));
        writer.close();
        writer = new StreamWriter(local, StreamWriter.DEFAULT_HIGH_WATER_BYTES);
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("TimedRotatingFileStream", "filename", file,
                "rotate_when", "MIDNIGHT", "utc", "true"), writer);

        write(stream, "a\n");
        local.set(Instant.parse("2026-11-28T19:00:05Z"));
        write(stream, "b\n");
        assertEquals(List.of("out.log"), names(dir));
        local.set(Instant.parse("2026-11-29T00:00:00Z"));
        write(stream, "c\n");

        assertEquals("a\nb\n", read(dir.resolve("out.log.20261128")));
        assertEquals("c\n", read(file));
    }

    @Test
    void weeklyRotationHappensAtTheStartOfTheWeekday() {
        Path file = dir.resolve("out.log");
        // 2026-11-28 is a Saturday; W0 is Monday.
        LogStream stream = LogStreams.open(config("TimedRotatingFileStream", "filename", file, "rotate_when", "W0"), writer);

        write(stream, "saturday\n");
        clock.set(Instant.parse("2026-11-29T23:59:59Z"));
        write(stream, "sunday\n");
        clock.set(Instant.parse("2026-11-30T00:00:00Z"));
        write(stream, "monday\n");

        assertEquals("saturday\nsunday\n", read(dir.resolve("out.log.20261123")));
        assertEquals("monday\n", read(file));
    }

    @Test
    void anExistingBackupOfTheSamePeriodIsAppendedToNotReplaced() throws Exception {
        Path file = dir.resolve("out.log");
        Files.writeString(dir.resolve("out.log.202611280411"), "from an earlier run\n");
        LogStream stream = LogStreams.open(config("TimedRotatingFileStream", "filename", file, "rotate_when", "M"), writer);

        write(stream, "a\n");
        clock.advance(Duration.ofMinutes(1));
        write(stream, "b\n");

        assertEquals("from an earlier run\na\n", read(dir.resolve("out.log.202611280411")));
        assertEquals("b\n", read(file));
    }

    @Test
    void noLineIsLostDuplicatedOrSplitAcrossManyRotations() {
        Path file = dir.resolve("out.log");
        StreamConfig config = config("TimedRotatingFileStream", "filename", file, "rotate_when", "S",
                "time_format", "%H:%M:%S");
        LogStream stream = LogStreams.open(config, writer);
        StreamSink sink = new StreamSink(stream, null);
        byte[] all = FileStreamTest.lines(1, 5000).getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(3);
        int at = 0;
        while (at < all.length) {
            int n = Math.min(all.length - at, 1 + random.nextInt(700));
            byte[] chunk = java.util.Arrays.copyOfRange(all, at, at + n);
            emit(sink, 4, STDOUT, chunk);
            at += n;
            clock.advance(Duration.ofMillis(300));
        }
        stream.close();

        List<String> files = names(dir); // out.log sorts first, then backups by time
        assertTrue(files.size() > 10, "expected many rotations: " + files.size());
        List<String> bodies = new ArrayList<>();
        for (String name : files.subList(1, files.size())) {
            bodies.addAll(bodies(dir.resolve(name)));
        }
        bodies.addAll(bodies(file));
        assertEquals(FileStreamTest.lines(1, 5000), String.join("\n", bodies) + "\n");
    }

    private static List<String> bodies(Path file) {
        List<String> result = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d \\[4] \\| line-\\d{5}"), "split or mangled: " + line);
            result.add(line.substring(line.indexOf("| ") + 2));
        }
        return result;
    }
}
