package io.circus.stream;

import static io.circus.process.StreamId.STDERR;
import static io.circus.process.StreamId.STDOUT;
import static io.circus.stream.StreamFixtures.config;
import static io.circus.stream.StreamFixtures.emit;
import static io.circus.stream.StreamFixtures.names;
import static io.circus.stream.StreamFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStreamTest {

    @TempDir
    Path dir;

    private final StreamWriter writer = new StreamWriter();

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    @Test
    void appendsChunksUnchangedWithoutTimeFormat() throws Exception {
        Path file = dir.resolve("out.log");
        Files.writeString(file, "kept\n");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file), writer);
        StreamSink sink = new StreamSink(stream, null);

        // Circus's test_data_with_no_EOL: two chunks without newline stay one run of bytes.
        emit(sink, 1, STDOUT, "*".repeat(1100));
        emit(sink, 1, STDOUT, "*".repeat(1100));
        emit(sink, 1, STDERR, "discarded: no stderr stream\n");
        stream.flush();

        assertEquals("kept\n" + "*".repeat(2200), read(file));
    }

    @Test
    void sinkCopiesWithoutMovingTheBufferPosition() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file), writer);
        ByteBuffer chunk = ByteBuffer.wrap("xxhello\n".getBytes(StandardCharsets.US_ASCII));
        chunk.position(2);

        new StreamSink(stream, stream).onOutput(9, STDOUT, chunk);
        assertEquals(2, chunk.position());
        chunk.put(2, (byte) 'j');
        stream.flush();

        assertEquals("hello\n", read(file));
    }

    @Test
    void rotatesBySizeIntoNumberedBackups() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file, "max_bytes", "100",
                "backup_count", "3"), writer);
        StreamSink sink = new StreamSink(stream, null);
        for (int i = 1; i <= 40; i++) {
            emit(sink, 5, STDOUT, line(i));
        }
        stream.flush();

        // 11-byte lines, rotation when size + 11 >= 100: nine lines per file; lines 1-9 fell off the end.
        assertEquals(List.of("out.log", "out.log.1", "out.log.2", "out.log.3"), names(dir));
        assertEquals(lines(37, 40), read(file));
        assertEquals(lines(28, 36), read(dir.resolve("out.log.1")));
        assertEquals(lines(19, 27), read(dir.resolve("out.log.2")));
        assertEquals(lines(10, 18), read(dir.resolve("out.log.3")));
    }

    @Test
    void anEmptyFileIsNotRotatedEvenForAnOversizedChunk() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file, "max_bytes", "10",
                "backup_count", "2"), writer);
        StreamSink sink = new StreamSink(stream, null);
        emit(sink, 5, STDOUT, "x".repeat(50) + "\n");
        emit(sink, 5, STDOUT, "y".repeat(50) + "\n");
        stream.flush();

        // Circus (like Python's handler) would rotate the empty file first, leaving an empty backup.
        assertEquals(List.of("out.log", "out.log.1"), names(dir));
        assertEquals("x".repeat(50) + "\n", read(dir.resolve("out.log.1")));
        assertEquals("y".repeat(50) + "\n", read(file));
    }

    @Test
    void tenThousandLinesSurviveRotationInOrder() {
        Path file = dir.resolve("big.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file, "max_bytes", "20000",
                "backup_count", "50"), writer);
        StreamSink sink = new StreamSink(stream, null);
        String all = lines(1, 10_000);

        feedInRandomChunks(sink, all, new Random(42));
        stream.close();

        List<String> files = names(dir);
        assertTrue(files.size() > 4, "expected several rotations: " + files);
        StringBuilder joined = new StringBuilder();
        for (int i = files.size() - 1; i >= 1; i--) {
            String content = read(dir.resolve("big.log." + i));
            assertTrue(content.length() < 20_000 + 1100, "file too large: big.log." + i);
            joined.append(content);
        }
        joined.append(read(file));
        assertEquals(all, joined.toString());
    }

    @Test
    void rotationWithTimeFormatKeepsEveryLineWholeAndOnce() {
        Path file = dir.resolve("stamped.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file, "max_bytes", "30000",
                "backup_count", "100", "time_format", "%Y-%m-%d %H:%M:%S"), writer);
        StreamSink sink = new StreamSink(stream, null);

        feedInRandomChunks(sink, lines(1, 10_000), new Random(7));
        sink.onClosed(77, STDOUT);
        stream.close();

        List<String> files = names(dir);
        List<String> bodies = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            Path part = i == 0 ? file : dir.resolve("stamped.log." + i);
            for (String line : read(part).split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\[77] \\| line-\\d{5}"),
                        "a line was split or mangled in " + part + ": " + line);
                bodies.add(line.substring(line.indexOf("| ") + 2));
            }
        }
        assertEquals(IntStream.rangeClosed(1, 10_000).mapToObj(i -> line(i).strip()).toList(), bodies);
    }

    @Test
    void backupCountZeroNeverRotates() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file, "max_bytes", "50"), writer);
        StreamSink sink = new StreamSink(stream, null);
        for (int i = 1; i <= 20; i++) {
            emit(sink, 5, STDOUT, line(i));
        }
        stream.flush();

        assertEquals(List.of("out.log"), names(dir));
        assertEquals(lines(1, 20), read(file));
    }

    @Test
    void closeDrainsEverythingAndALateWriteReopens() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file), writer);
        StreamSink sink = new StreamSink(stream, null);
        for (int i = 1; i <= 5000; i++) {
            emit(sink, 3, STDOUT, line(i));
        }
        stream.close();
        assertEquals(lines(1, 5000), read(file));

        emit(sink, 3, STDOUT, "late\n");
        stream.flush();
        assertEquals(lines(1, 5000) + "late\n", read(file));
    }

    @Test
    void reopenAfterCloseAppendsAndReopenWhileOpenFollowsAMove() throws Exception {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file), writer);
        StreamSink sink = new StreamSink(stream, null);
        emit(sink, 3, STDOUT, "before stop\n");
        stream.close();
        stream.reopen();
        emit(sink, 3, STDOUT, "after start\n");
        stream.flush();
        assertEquals("before stop\nafter start\n", read(file));

        Files.move(file, dir.resolve("rotated"));
        stream.reopen();
        emit(sink, 3, STDOUT, "fresh\n");
        stream.flush();
        assertEquals("before stop\nafter start\n", read(dir.resolve("rotated")));
        assertEquals("fresh\n", read(file));
    }

    @Test
    void aMissingDirectoryIsCreated() throws IOException {
        Path file = dir.resolve("missing-dir").resolve("out.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file), writer);
        stream.close();
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void unopenableFileFailsOpen() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("out.log");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> LogStreams.open(config("FileStream", "filename", file), writer));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    /** Splits the text at random points, cutting lines, as pipe reads do. */
    static void feedInRandomChunks(StreamSink sink, String text, Random random) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(1024));
            byte[] chunk = new byte[n];
            System.arraycopy(bytes, at, chunk, 0, n);
            emit(sink, 77, STDOUT, chunk);
            at += n;
        }
    }

    static String line(int i) {
        return String.format("line-%05d\n", i);
    }

    static String lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(line(i));
        }
        return sb.toString();
    }
}
