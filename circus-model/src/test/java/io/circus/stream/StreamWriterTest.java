package io.circus.stream;

import static io.circus.process.StreamId.STDOUT;
import static io.circus.stream.StreamFixtures.config;
import static io.circus.stream.StreamFixtures.emit;
import static io.circus.stream.StreamFixtures.read;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.circus.process.StreamId;
import io.circus.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StreamWriterTest {

    @TempDir
    Path dir;

    private StreamWriter writer = new StreamWriter();

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    /** A target that records what the writer does and can hold the writer inside a write. */
    static final class GatedTarget implements StreamTarget {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);
        volatile boolean gated;
        volatile LogStream self;
        volatile Throwable selfFlush;

        @Override
        public void open() {
            events.add("open");
        }

        @Override
        public void write(long pid, StreamId stream, byte[] data, Instant received) throws IOException {
            String text = new String(data, StandardCharsets.UTF_8);
            if (text.equals("fail")) {
                throw new IOException("disk full");
            }
            if (text.equals("flush myself")) {
                try {
                    self.flush();
                } catch (Throwable t) {
                    selfFlush = t;
                }
            }
            if (gated) {
                entered.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.add("write:" + text);
        }

        @Override
        public void flush() throws IOException {
            if (events.contains("write:break flush")) {
                throw new IOException("cannot flush");
            }
            events.add("flush");
        }

        @Override
        public void close() {
            events.add("close");
        }
    }

    private QueuedLogStream open(GatedTarget target) {
        QueuedLogStream stream = new QueuedLogStream(target, writer);
        target.self = stream;
        stream.reopen();
        return stream;
    }

    @Test
    void flushWaitsForEarlierWritesAndCountsQueuedBytes() throws Exception {
        GatedTarget target = new GatedTarget();
        QueuedLogStream stream = open(target);
        target.gated = true;

        stream.write(1, STDOUT, "first".getBytes(StandardCharsets.UTF_8));
        assertTrue(target.entered.await(15, TimeUnit.SECONDS));
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(stream::flush);
        stream.write(1, STDOUT, new byte[100]);
        stream.write(1, STDOUT, new byte[200]);

        assertEquals(305, writer.queuedBytes());
        assertFalse(flushed.isDone(), "flush returned while an earlier write was still pending");
        target.gated = false;
        target.gate.countDown();
        flushed.get(15, TimeUnit.SECONDS);
        assertTrue(target.events.indexOf("write:first") < target.events.lastIndexOf("flush"));

        stream.flush();
        assertEquals(0, writer.queuedBytes());
    }

    @Test
    void warnsOnceWhenTheBacklogPassesTheHighWaterMark() throws Exception {
        writer.close();
        writer = new StreamWriter(Clock.systemUTC(), 100);
        Logger logger = (Logger) LoggerFactory.getLogger(StreamWriter.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            GatedTarget target = new GatedTarget();
            QueuedLogStream stream = open(target);
            target.gated = true;
            stream.write(1, STDOUT, "x".getBytes(StandardCharsets.UTF_8));
            assertTrue(target.entered.await(15, TimeUnit.SECONDS));
            for (int i = 0; i < 10; i++) {
                stream.write(1, STDOUT, new byte[50]);
            }
            Await.until("a backlog warning", () -> warnings(log) == 1);
            assertEquals(501, writer.queuedBytes(), "nothing is dropped");

            target.gated = false;
            target.gate.countDown();
            stream.flush();
            Await.until("the catch-up notice", () -> log.list.stream().anyMatch(e -> e.getLevel() == Level.INFO));
            assertEquals(1, warnings(log));
            assertEquals(11, target.events.stream().filter(e -> e.startsWith("write:")).count());
        } finally {
            logger.detachAppender(log);
        }
    }

    private static long warnings(ListAppender<ILoggingEvent> log) {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }

    @Test
    void aFailingWriteDoesNotStopTheWriterAndFlushReportsFailures() {
        GatedTarget target = new GatedTarget();
        QueuedLogStream stream = open(target);
        stream.write(1, STDOUT, "fail".getBytes(StandardCharsets.UTF_8));
        stream.write(1, STDOUT, "after".getBytes(StandardCharsets.UTF_8));
        stream.flush();
        assertTrue(target.events.contains("write:after"));

        stream.write(1, STDOUT, "break flush".getBytes(StandardCharsets.UTF_8));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, stream::flush);
        assertTrue(e.getMessage().contains("cannot flush"), e.getMessage());
    }

    @Test
    void flushingFromTheWriterThreadIsRefused() {
        GatedTarget target = new GatedTarget();
        QueuedLogStream stream = open(target);
        stream.write(1, STDOUT, "flush myself".getBytes(StandardCharsets.UTF_8));
        stream.flush();
        assertTrue(target.selfFlush instanceof IllegalStateException, String.valueOf(target.selfFlush));
    }

    @Test
    void closingTheWriterDrainsAndClosesEveryStream() {
        Path file = dir.resolve("out.log");
        LogStream stream = LogStreams.open(config("FileStream", "filename", file, "time_format", "%Y"), writer);
        StreamSink sink = new StreamSink(stream, null);
        for (int i = 0; i < 2000; i++) {
            emit(sink, 1, STDOUT, "line " + i + "\n");
        }
        emit(sink, 1, STDOUT, "partial");
        writer.close();

        String[] lines = read(file).split("\n");
        assertEquals(2001, lines.length);
        assertTrue(lines[2000].matches("\\d{4} \\[1] \\| partial"), lines[2000]);

        assertThrows(IllegalStateException.class, () -> stream.write(1, STDOUT, new byte[1]));
        assertDoesNotThrow(() -> emit(sink, 1, STDOUT, "too late\n"));
        assertDoesNotThrow(() -> sink.onClosed(1, STDOUT));
        assertEquals(9, sink.discardedBytes());
        assertDoesNotThrow(stream::flush);
        assertDoesNotThrow(stream::close);
        assertThrows(IllegalStateException.class, stream::reopen);
        assertEquals(2001, read(file).split("\n").length);
    }
}
