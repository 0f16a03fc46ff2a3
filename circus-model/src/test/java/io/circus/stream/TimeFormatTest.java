package io.circus.stream;

import static io.circus.process.StreamId.STDERR;
import static io.circus.process.StreamId.STDOUT;
import static io.circus.stream.StreamFixtures.config;
import static io.circus.stream.StreamFixtures.emit;
import static io.circus.stream.StreamFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeFormatTest {

    private static final String T = "2026-11-28 04:11:11";

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T04:11:11Z"), ZoneOffset.UTC);
    private final StreamWriter writer = new StreamWriter(clock, StreamWriter.DEFAULT_HIGH_WATER_BYTES);

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    private LogStream open(Path file) {
        return LogStreams.open(config("FileStream", "filename", file, "time_format", "%Y-%m-%d %H:%M:%S"), writer);
    }

    @Test
    void aLineSplitAcrossChunksGetsOnePrefix() {
        Path file = dir.resolve("out.log");
        LogStream stream = open(file);
        StreamSink sink = new StreamSink(stream, null);

        emit(sink, 42, STDOUT, "hel");
        emit(sink, 42, STDOUT, "lo\nwor");
        emit(sink, 42, STDOUT, "ld\n");
        stream.flush();

        assertEquals(T + " [42] | hello\n" + T + " [42] | world\n", read(file));
    }

    @Test
    void partialLinesAreKeptPerProcessAndPerStream() {
        Path file = dir.resolve("out.log");
        LogStream stream = open(file);
        StreamSink sink = new StreamSink(stream, stream);

        emit(sink, 1, STDOUT, "a1");
        emit(sink, 1, STDERR, "e1");
        emit(sink, 2, STDOUT, "b1\n");
        emit(sink, 1, STDERR, "e2\n");
        emit(sink, 1, STDOUT, "a2\n");
        stream.flush();

        assertEquals(T + " [2] | b1\n" + T + " [1] | e1e2\n" + T + " [1] | a1a2\n", read(file));
    }

    @Test
    void thePartialLastLineIsWrittenWhenTheProcessClosesItsStream() {
        Path file = dir.resolve("out.log");
        LogStream stream = open(file);
        StreamSink sink = new StreamSink(stream, null);

        emit(sink, 42, STDOUT, "first\ntail without newline");
        stream.flush();
        assertEquals(T + " [42] | first\n", read(file));

        sink.onClosed(42, STDOUT);
        stream.flush();
        assertEquals(T + " [42] | first\n" + T + " [42] | tail without newline\n", read(file));
    }

    @Test
    void closingTheStreamEndsPendingPartialLines() {
        Path file = dir.resolve("out.log");
        LogStream stream = open(file);
        emit(new StreamSink(stream, null), 42, STDOUT, "pending");
        stream.close();

        assertEquals(T + " [42] | pending\n", read(file));
    }

    @Test
    void emptyLinesKeepTheirPrefix() {
        Path file = dir.resolve("out.log");
        LogStream stream = open(file);
        emit(new StreamSink(stream, null), 42, STDOUT, "a\n\n\n");
        stream.flush();

        // Circus strips all trailing newlines of a chunk, losing the empty lines.
        assertEquals(T + " [42] | a\n" + T + " [42] | \n" + T + " [42] | \n", read(file));
    }

    @Test
    void aLineIsStampedWithTheTimeItsFirstByteArrived() {
        Path file = dir.resolve("out.log");
        LogStream stream = open(file);
        StreamSink sink = new StreamSink(stream, null);

        emit(sink, 42, STDOUT, "slow ");
        clock.advance(Duration.ofSeconds(5));
        emit(sink, 42, STDOUT, "line\nnext\n");
        stream.flush();

        assertEquals(T + " [42] | slow line\n2026-11-28 04:11:16 [42] | next\n", read(file));
    }

    @Test
    void aHugeLineWithoutNewlineIsWrittenInBoundedPieces() {
        Path file = dir.resolve("out.log");
        LogStream stream = open(file);
        StreamSink sink = new StreamSink(stream, null);
        String piece = "x".repeat(1000);
        for (int i = 0; i < 70; i++) {
            emit(sink, 42, STDOUT, piece);
        }
        stream.flush();

        // The partial line passed LineFramer.MAX_LINE (64 KiB) with the 66th chunk; the rest waits.
        String prefix = T + " [42] | ";
        assertEquals(prefix + "x".repeat(66_000) + "\n", read(file));
        stream.close();
        assertEquals(prefix + "x".repeat(66_000) + "\n" + prefix + "x".repeat(4_000) + "\n", read(file));
    }

    @Test
    void strftimeTranslatesPythonDirectives() {
        ZonedDateTime t = ZonedDateTime.of(2026, 3, 5, 7, 8, 9, 123_456_000, ZoneId.of("Europe/Paris"));
        // Expected values produced by CPython's datetime.strftime (C locale).
        assertEquals("2026-03-05 07:08:09.123456|Thu Thursday Mar March|064 09 09 4 4 10 2026|07AM 26 20"
                        + "|Thu Mar  5 07:08:09 2026|03/05/26 07:08:09|03/05/26 2026-03-05 07:08:09 07:08| 5  7  7|%",
                Strftime.parse("%Y-%m-%d %H:%M:%S.%f|%a %A %b %B|%j %U %W %w %u %V %G|%I%p %y %C|%c|%x %X"
                        + "|%D %F %T %R|%e %k %l|%%").format(t));
        assertEquals("00 00 01 2026 001 12 12 am", Strftime.parse("%U %W %V %G %j %I %l %P")
                .format(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        // Zone directives are real here; Circus's naive datetimes render them empty.
        assertEquals("+0100 CET 5/3", Strftime.parse("%z %Z %-d/%-m").format(t));
    }

    @Test
    void strftimeRejectsUnknownDirectives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strftime.parse("%Y %Q"));
        assertEquals("unknown directive %Q in \"%Y %Q\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Strftime.parse("100%"));
    }
}
