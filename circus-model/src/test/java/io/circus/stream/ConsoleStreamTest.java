package io.circus.stream;

import static io.circus.process.StreamId.STDERR;
import static io.circus.process.StreamId.STDOUT;
import static io.circus.stream.StreamFixtures.emit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleStreamTest {

    private static final String T = "2026-11-28 04:11:11";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T04:11:11Z"), ZoneOffset.UTC);
    private final StreamWriter writer = new StreamWriter(clock, StreamWriter.DEFAULT_HIGH_WATER_BYTES);
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    private LogStream fancy(Map<String, String> options) {
        QueuedLogStream stream = new QueuedLogStream(
                new FancyStdoutStream(options, clock, terminal, new Random(1)), writer);
        stream.reopen();
        return stream;
    }

    private String terminal() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fancyColoursEachLineAndSkipsEmptyOnes() {
        LogStream stream = fancy(Map.of("color", "blue"));
        StreamSink sink = new StreamSink(stream, stream);

        emit(sink, 7, STDOUT, "hel");
        emit(sink, 7, STDOUT, "lo\n\nwor");
        emit(sink, 8, STDERR, "oops\n");
        emit(sink, 7, STDOUT, "ld\n");
        stream.flush();

        assertEquals("\033[0;34;40m" + T + " [7] | hello\033[0m\n"
                + "\033[0;34;40m" + T + " [8] | oops\033[0m\n"
                + "\033[0;34;40m" + T + " [7] | world\033[0m\n", terminal());
    }

    @Test
    void fancyHonoursTimeFormatAndEndsPartialLinesOnClose() {
        LogStream stream = fancy(Map.of("color", "RED", "time_format", "%H:%M"));
        emit(new StreamSink(stream, null), 7, STDOUT, "no newline");
        stream.close();

        assertEquals("\033[0;31;40m04:11 [7] | no newline\033[0m\n", terminal());
    }

    @Test
    void everyNamedColourHasItsCode() {
        String[] names = {"red", "green", "yellow", "blue", "magenta", "cyan", "white"};
        for (int i = 0; i < names.length; i++) {
            FancyStdoutStream target = new FancyStdoutStream(Map.of("color", names[i]), clock, terminal, new Random(1));
            assertEquals(i + 1, target.colorCode(), names[i]);
        }
    }

    @Test
    void anUnknownOrMissingColourIsPickedAtRandom() {
        Set<Integer> unknown = new HashSet<>();
        Set<Integer> missing = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            unknown.add(new FancyStdoutStream(Map.of("color", "purple"), clock, terminal, new Random(seed)).colorCode());
            missing.add(new FancyStdoutStream(Map.of(), clock, terminal, new Random(seed)).colorCode());
        }
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), unknown);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), missing);
    }

    @Test
    void stdoutStreamWritesBytesUnchanged() {
        QueuedLogStream stream = new QueuedLogStream(new StdoutStream(Map.of(), terminal), writer);
        stream.reopen();
        StreamSink sink = new StreamSink(stream, stream);
        byte[] notUtf8 = {'a', (byte) 0xff, 'b'};

        emit(sink, 1, STDOUT, "par");
        emit(sink, 1, STDERR, notUtf8);
        emit(sink, 1, STDOUT, "tial\n");
        stream.flush();

        byte[] expected = {'p', 'a', 'r', 'a', (byte) 0xff, 'b', 't', 'i', 'a', 'l', '\n'};
        assertArrayEquals(expected, terminal.toByteArray());
    }
}
