package io.circus.stream;

import static io.circus.process.StreamId.STDOUT;
import static io.circus.stream.StreamFixtures.config;
import static io.circus.stream.StreamFixtures.emit;
import static io.circus.stream.StreamFixtures.names;
import static io.circus.stream.StreamFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFileStreamTest {

    @TempDir
    Path dir;

    private final StreamWriter writer = new StreamWriter();

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    @Test
    void reopensAfterTheFileIsMovedAway() throws Exception {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("WatchedFileStream", "filename", file), writer);
        StreamSink sink = new StreamSink(stream, null);

        emit(sink, 1, STDOUT, "line 1\n");
        stream.flush();
        Files.move(file, dir.resolve("out.log.1"));
        emit(sink, 1, STDOUT, "line 2\n");
        stream.flush();

        // Circus's test_move_file.
        assertEquals(List.of("out.log", "out.log.1"), names(dir));
        assertEquals("line 1\n", read(dir.resolve("out.log.1")));
        assertEquals("line 2\n", read(file));
    }

    @Test
    void reopensAfterTheFileIsDeleted() throws Exception {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("WatchedFileStream", "filename", file), writer);
        StreamSink sink = new StreamSink(stream, null);

        emit(sink, 1, STDOUT, "gone\n");
        stream.flush();
        Files.delete(file);
        emit(sink, 1, STDOUT, "back\n");
        stream.flush();

        assertEquals("back\n", read(file));
    }

    @Test
    void reopensWhenAnotherFileReplacesIt() throws Exception {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("WatchedFileStream", "filename", file, "time_format", "%H"), writer);
        StreamSink sink = new StreamSink(stream, null);

        emit(sink, 1, STDOUT, "half a ");
        stream.flush();
        Path replacement = dir.resolve("new");
        Files.writeString(replacement, "");
        Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        emit(sink, 1, STDOUT, "line\n");
        stream.flush();

        // The partial line was buffered, so it lands whole in the new file.
        assertEquals(true, read(file).matches("\\d\\d \\[1] \\| half a line\n"), read(file));
    }

    @Test
    void keepsWritingToTheSameFileWhenNothingMoved() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("WatchedFileStream", "filename", file), writer);
        StreamSink sink = new StreamSink(stream, null);
        for (int i = 0; i < 1000; i++) {
            emit(sink, 1, STDOUT, i + "\n");
            if (i % 100 == 0) {
                stream.flush();
            }
        }
        stream.close();

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            expected.append(i).append('\n');
        }
        assertEquals(expected.toString(), read(file));
        assertEquals(List.of("out.log"), names(dir));
    }
}
