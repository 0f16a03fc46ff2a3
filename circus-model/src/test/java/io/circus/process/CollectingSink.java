package io.circus.process;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Test sink that keeps everything a child wrote. Thread-safe: written by the launcher's I/O thread,
 * read by the test thread.
 */
public final class CollectingSink implements OutputSink {

    private final Map<StreamId, ByteArrayOutputStream> data = new EnumMap<>(StreamId.class);
    private final Map<StreamId, Boolean> closed = new EnumMap<>(StreamId.class);

    @Override
    public synchronized void onOutput(long pid, StreamId stream, ByteBuffer chunk) {
        byte[] copy = new byte[chunk.remaining()];
        chunk.get(copy);
        data.computeIfAbsent(stream, s -> new ByteArrayOutputStream()).writeBytes(copy);
    }

    @Override
    public synchronized void onClosed(long pid, StreamId stream) {
        closed.put(stream, true);
    }

    public synchronized String text(StreamId stream) {
        ByteArrayOutputStream out = data.get(stream);
        return out == null ? "" : out.toString(StandardCharsets.UTF_8);
    }

    public String stdout() {
        return text(StreamId.STDOUT);
    }

    public synchronized boolean closed(StreamId stream) {
        return closed.getOrDefault(stream, false);
    }

    /** Whether stdout holds a complete line equal to {@code line}. */
    public boolean hasLine(String line) {
        return ("\n" + stdout()).contains("\n" + line + "\n");
    }
}
