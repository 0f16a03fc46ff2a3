package io.circus.stream;

import io.circus.config.StreamConfig;
import io.circus.process.StreamId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Small helpers shared by the stream tests. */
final class StreamFixtures {

    private StreamFixtures() {
    }

    /** A config from alternating keys and values, as the ini loader would produce it. */
    static StreamConfig config(String className, Object... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i].toString(), keyValues[i + 1].toString());
        }
        return new StreamConfig(className, options);
    }

    /** Delivers a chunk the way the launcher does: a buffer valid only during the call. */
    static void emit(StreamSink sink, long pid, StreamId stream, String text) {
        emit(sink, pid, stream, text.getBytes(StandardCharsets.UTF_8));
    }

    static void emit(StreamSink sink, long pid, StreamId stream, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes.clone());
        sink.onOutput(pid, stream, buffer);
        // The launcher reuses its buffer: scribble over it to prove the sink copied.
        java.util.Arrays.fill(buffer.array(), (byte) '#');
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names in a directory, sorted. */
    static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
