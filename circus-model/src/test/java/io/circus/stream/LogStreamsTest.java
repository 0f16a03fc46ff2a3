package io.circus.stream;

import static io.circus.process.StreamId.STDOUT;
import static io.circus.stream.StreamFixtures.config;
import static io.circus.stream.StreamFixtures.emit;
import static io.circus.stream.StreamFixtures.names;
import static io.circus.stream.StreamFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.StreamConfig;
import io.circus.process.StreamId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogStreamsTest {

    @TempDir
    Path dir;

    private final StreamWriter writer = new StreamWriter();

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    static Stream<Arguments> badConfigs() {
        String timed = "TimedRotatingFileStream";
        return Stream.of(
                Arguments.of(config("Nope"), "class = \"Nope\": unknown stream class"),
                Arguments.of(config("filestream"), "class = \"filestream\": unknown stream class (class names are case-sensitive: did you mean FileStream?)"),
                Arguments.of(config("QueueStream"), "class = \"QueueStream\": QueueStream"),
                Arguments.of(config("FileStream", "max_bytes", "10k"), "max_bytes = \"10k\": not an integer"),
                Arguments.of(config("FileStream", "max_bytes", "-1"), "max_bytes = \"-1\": must be at least 0"),
                Arguments.of(config("FileStream", "backup_count", "two"), "backup_count = \"two\": not an integer"),
                Arguments.of(config("FileStream", "time_format", "%Y %Q"), "time_format = \"%Y %Q\": unknown directive %Q"),
                Arguments.of(config("WatchedFileStream", "time_format", "%"), "time_format = \"%\": incomplete directive"),
                Arguments.of(config(timed, "filename", "x"), "missing stream option rotate_when"),
                Arguments.of(config(timed, "rotate_when", "fortnightly"), "rotate_when = \"fortnightly\": expected S, M, H, D, MIDNIGHT or W0-W6"),
                Arguments.of(config(timed, "rotate_when", "W7"), "rotate_when = \"W7\""),
                Arguments.of(config(timed, "rotate_when", "H", "rotate_interval", "0"), "rotate_interval = \"0\": must be at least 1"),
                Arguments.of(config(timed, "rotate_when", "H", "utc", "maybe"), "utc = \"maybe\": not a boolean"),
                Arguments.of(config("FancyStdoutStream", "time_format", "%H:%i"), "time_format = \"%H:%i\""),
                Arguments.of(config("com.example.Missing"), "class = \"com.example.Missing\": class not found"),
                Arguments.of(config("java.lang.String"), "class = \"java.lang.String\": implements neither"),
                Arguments.of(config(NoMapConstructor.class.getName()), "no public constructor (Map<String,String> options)"));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void badConfigsAreRejectedNamingKeyAndValue(StreamConfig config, String message) {
        IllegalArgumentException validated = assertThrows(IllegalArgumentException.class, () -> LogStreams.validate(config));
        assertTrue(validated.getMessage().contains(message), validated.getMessage());
        IllegalArgumentException opened = assertThrows(IllegalArgumentException.class, () -> LogStreams.open(config, writer));
        assertEquals(validated.getMessage(), opened.getMessage());
    }

    @Test
    void validateOpensNothing() {
        int instancesBefore = UpperCaseTarget.instances;
        LogStreams.validate(config("FileStream", "filename", dir.resolve("a.log"), "max_bytes", "1_000", "backup_count", "3"));
        LogStreams.validate(config("WatchedFileStream", "filename", dir.resolve("b.log")));
        LogStreams.validate(config("TimedRotatingFileStream", "filename", dir.resolve("c.log"), "rotate_when", "w6",
                "utc", "YES"));
        LogStreams.validate(config(UpperCaseTarget.class.getName(), "filename", dir.resolve("d.log")));
        LogStreams.validate(config("FancyStdoutStream", "color", "green"));
        LogStreams.validate(config("StdoutStream"));

        assertEquals(List.of(), names(dir));
        assertEquals(instancesBefore, UpperCaseTarget.instances);
    }

    @Test
    void noClassMeansNoStreamUnlessAFilenameIsGiven() {
        assertNull(LogStreams.open(StreamConfig.NONE, writer));
        LogStreams.validate(StreamConfig.NONE);

        Path file = dir.resolve("implicit.log");
        LogStream stream = LogStreams.open(config("", "filename", file), writer);
        emit(new StreamSink(stream, null), 1, STDOUT, "file stream by default\n");
        stream.flush();
        assertEquals("file stream by default\n", read(file));
    }

    @Test
    void circusQualifiedBuiltInNamesAreAccepted() {
        Path file = dir.resolve("q.log");
        LogStream stream = LogStreams.open(config("circus.stream.FileStream", "filename", file), writer);
        emit(new StreamSink(stream, null), 1, STDOUT, "ok\n");
        stream.flush();
        assertEquals("ok\n", read(file));
    }

    @Test
    void aUserTargetRunsOnTheWriterWithItsOptions() {
        Path file = dir.resolve("user.log");
        LogStream stream = LogStreams.open(config(UpperCaseTarget.class.getName(), "filename", file), writer);
        emit(new StreamSink(stream, null), 1, STDOUT, "shout\n");
        stream.close();

        assertEquals("SHOUT\n", read(file));
        assertEquals("circus-stream-writer", UpperCaseTarget.lastThread);
    }

    @Test
    void aUserLogStreamIsUsedAsIs() {
        LogStream stream = LogStreams.open(config(DirectStream.class.getName(), "tag", "x"), writer);
        DirectStream direct = assertInstanceOf(DirectStream.class, stream);
        assertEquals(Map.of("tag", "x"), direct.options);
    }

    /** A user class written against the StreamTarget SPI. */
    public static final class UpperCaseTarget implements StreamTarget {
        static volatile int instances;
        static volatile String lastThread;
        private final Path file;

        public UpperCaseTarget(Map<String, String> options) {
            instances++;
            file = Path.of(options.get("filename"));
        }

        @Override
        public void open() throws IOException {
            Files.writeString(file, "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        @Override
        public void write(long pid, StreamId stream, byte[] data, Instant received) throws IOException {
            lastThread = Thread.currentThread().getName();
            Files.writeString(file, new String(data, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT),
                    StandardOpenOption.APPEND);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** A user class that implements the non-blocking LogStream contract itself. */
    public static final class DirectStream implements LogStream {
        final Map<String, String> options;

        public DirectStream(Map<String, String> options) {
            this.options = options;
        }

        @Override
        public void write(long pid, StreamId stream, byte[] data) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public void reopen() {
        }
    }

    public static final class NoMapConstructor implements StreamTarget {
        public NoMapConstructor() {
        }

        @Override
        public void open() {
        }

        @Override
        public void write(long pid, StreamId stream, byte[] data, Instant received) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
